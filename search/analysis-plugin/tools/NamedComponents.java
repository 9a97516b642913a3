import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build helper (run by build.sh with the single-file source launcher): prints the named_components.json
 * of the compiled classes in args[0], i.e. {factory interface: {component name: class}}. Shipping this
 * file inside the plugin zip matters: the installer's own scan leaves TokenizerFactory components out.
 */
public class NamedComponents {
    private static final List<String> EXTENSIBLES = List.of(
        "org.elasticsearch.plugin.analysis.TokenFilterFactory",
        "org.elasticsearch.plugin.analysis.CharFilterFactory",
        "org.elasticsearch.plugin.analysis.TokenizerFactory",
        "org.elasticsearch.plugin.analysis.AnalyzerFactory"
    );

    public static void main(String[] args) throws Exception {
        Path classes = Path.of(args[0]);
        ClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, NamedComponents.class.getClassLoader());
        @SuppressWarnings("unchecked")
        Class<? extends java.lang.annotation.Annotation> named = (Class<? extends java.lang.annotation.Annotation>) Class.forName(
            "org.elasticsearch.plugin.NamedComponent", false, loader
        );
        Map<String, Map<String, String>> result = new TreeMap<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                .sorted()
                .toList();
        }
        for (String name : names) {
            Class<?> c = Class.forName(name, false, loader);
            Object annotation = c.getAnnotation(named);
            if (annotation == null) {
                continue;
            }
            String componentName = (String) named.getMethod("value").invoke(annotation);
            int found = 0;
            for (String extensible : EXTENSIBLES) {
                if (Class.forName(extensible, false, loader).isAssignableFrom(c)) {
                    Map<String, String> components = result.computeIfAbsent(extensible, k -> new TreeMap<>());
                    if (components.put(componentName, c.getName()) != null) {
                        throw new IllegalStateException("two " + extensible + " components named [" + componentName + "]");
                    }
                    found++;
                }
            }
            if (found != 1) {
                throw new IllegalStateException(name + " is a @NamedComponent but implements " + found + " analysis factory interfaces");
            }
        }
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Map<String, String>> e : result.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": {\n");
            int j = 0;
            for (Map.Entry<String, String> c : e.getValue().entrySet()) {
                json.append("    \"").append(c.getKey()).append("\": \"").append(c.getValue()).append('"');
                json.append(++j < e.getValue().size() ? ",\n" : "\n");
            }
            json.append(++i < result.size() ? "  },\n" : "  }\n");
        }
        System.out.print(json.append("}\n"));
    }
}
