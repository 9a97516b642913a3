// Reads each XLIFF file given with Okapi's validating XLIFF 2 reader (the one CAT-tool pipelines
// use) and prints one line per file: "ok <path>" or "invalid <path>: <reason>". Exit 1 if any is
// invalid. Run as a single-file program: java -cp <okapi jars> ValidateXliff.java <files>
import java.io.File;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;

public class ValidateXliff {
    public static void main(String[] paths) {
        int invalid = 0;
        // One reader for all files: what validate(File) does for each, without compiling the
        // schemas again for every file.
        XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL);
        for (String path : paths) {
            try {
                reader.open(new File(path));
                while (reader.hasNext()) {
                    reader.next();
                }
                System.out.println("ok " + path);
            } catch (RuntimeException error) {
                invalid++;
                System.out.println("invalid " + path + ": " + String.valueOf(error.getMessage()).replace('\n', ' '));
            } finally {
                reader.close();
            }
        }
        System.exit(invalid == 0 ? 0 : 1);
    }
}
