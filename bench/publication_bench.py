"""Search inside documents: extraction and indexing of a 100-page PDF, and the latency of
searches that hit pages of documents against searches that hit practices, in the same run.

    python bench/publication_bench.py [--pages 100] [--repeat 30]

A PDF of --pages pages (about 2,000 characters each, the density of the action's reports) is
made from text, uploaded as an editor's upload is (its text extracted page by page) and
published in the library (its pages indexed). Printed: extraction, indexing and both together
(the target: at most 5 s for 100 pages), then the median and 95th percentile of the search API
(in-process, DEBUG off) for queries answered by pages of the PDF and for practice queries,
taking turns so that both see the same load, their ratio, and the node's own `took` for the
same searches. The last line is JSON.
DATABASE_URL and ELASTICSEARCH_URL name running services (else they are started, as
search_bench does); the bench builds its own database and index prefix there. See docs/performance.md.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.services import Services, log  # noqa: E402
from bench.stage import load_demo, start_django, timed  # noqa: E402

SENTENCES = [
    "The release plan is drafted by the prison social worker together with the probation officer.",
    "Regional employment offices name a contact person for people leaving prison.",
    "Identity documents are issued in prison before release through the civil registry.",
    "Municipal social services receive the release date six months in advance.",
    "Families are invited to a meeting with the educator before the first weekend leave.",
    "Prisoners with a sentence under one year are rarely offered vocational training.",
    "The hand-over on the day of release is nobody's responsibility under the current rules.",
    "Accommodation after release is the most frequent unmet need reported by probation officers.",
    "Data on recidivism are not shared between the prison administration and the police.",
    "Staff caseloads reach 120 prisoners per social worker in the largest prisons.",
    "Employers who hire former prisoners may receive a wage subsidy for twelve months.",
    "Mentors from civil society organisations meet the person weekly during the first months.",
]
DOCUMENT_QUERIES = ["hand-over day of release", "identity documents civil registry", "wage subsidy employers"]
PRACTICE_QUERIES = ["radicalisation", "religious counselling", "women returnees"]


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100, help="pages of the PDF (default 100)")
    parser.add_argument("--repeat", type=int, default=30, help="requests per query (default 30)")
    return parser.parse_args()


def page_texts(count):
    """Pages of about 2,000 characters: the sentences in a different order on each page."""
    pages = []
    for number in range(count):
        shifted = SENTENCES[number % len(SENTENCES) :] + SENTENCES[: number % len(SENTENCES)]
        paragraph = " ".join(shifted[:8])
        pages.append(f"Section {number + 1}\n\n{paragraph}\n\n{paragraph}")
    return pages


def extraction_and_indexing(path):
    """(seconds to extract, seconds to index) the PDF of a new publication."""
    from django.core.files import File
    from wagtail.documents import get_document_model

    from publications.adding import NewPublication, add_publication
    from publications.texts import extract_document
    from search.indexing import apply

    document = get_document_model()(title="bench")
    with path.open("rb") as handle:
        document.file.save(path.name, File(handle), save=False)
    document._set_document_file_metadata()
    document.save()  # extracts at once (no transaction open): timed again below, alone
    document.extracted_text.delete()
    _, extract_s = timed(extract_document, document)
    page = add_publication(NewPublication(path, "en", "Bench report", publish=True))
    _, index_s = timed(apply, [page.pk], refresh=True)
    return extract_s, index_s, page


def latency(repeat, kinds):
    """{kind: (median ms, p95 ms)} of the search API for each kind's queries. The kinds take
    turns, query by query, so that both see the same load on a shared machine."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    times = {kind: [] for kind in kinds}
    for queries, document_pages in kinds.values():
        for query in queries:
            data = client.get("/api/v1/search/", {"q": query, "lang": "en"}).json()
            hit = any("document_page" in result for result in data["results"])
            assert hit == document_pages and not data["degraded"], (query, data)
    for _ in range(repeat):
        for kind, (queries, _document_pages) in kinds.items():
            for query in queries:
                started = time.perf_counter()
                client.get("/api/v1/search/", {"q": query, "lang": "en"})
                times[kind].append((time.perf_counter() - started) * 1000)
    return {kind: percentiles(found) for kind, found in times.items()}


def node_took(repeat, kinds):
    """{kind: (median ms, p95 ms)} of the node's own `took` for the same searches (the first
    request of each, as the API sends it): what Elasticsearch spends, without Django or the
    network, taking turns as `latency` does."""
    from search.queries import PageSearch, SearchRequest

    took = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind, (queries, _document_pages) in kinds.items():
            for query in queries:
                took[kind].append(PageSearch(SearchRequest(query=query, language="en")).build().execute().took)
    return {kind: percentiles(found) for kind, found in took.items()}


def percentiles(times):
    times.sort()
    return round(statistics.median(times), 1), round(times[int(len(times) * 0.95) - 1], 1)


def main():
    args = arguments()
    with Services(database="portal_publication_bench") as (database_url, elasticsearch_url):
        start_django(database_url, elasticsearch_url, prefix="portal-publication-bench")
        from django.conf import settings

        settings.SEARCH_TIMEOUT = 60
        from publications import samples
        from search.rebuild import rebuild

        log("migrating, loading the demo content, building the index")
        load_demo()
        rebuild()
        folder = Path(tempfile.mkdtemp(prefix="publication-bench-"))
        pdf, make_s = timed(samples.write, folder, "bench-report", "pdf", page_texts(args.pages))
        log(f"made a {args.pages}-page PDF ({pdf.stat().st_size // 1024} KiB) in {make_s:.1f} s")
        extract_s, index_s, page = extraction_and_indexing(pdf)
        parts = page.files.get().document.text_pages.count()
        kinds = {"documents": (DOCUMENT_QUERIES, True), "practices": (PRACTICE_QUERIES, False)}
        measured, took = latency(args.repeat, kinds), node_took(args.repeat, kinds)
        documents_ms, practices_ms = measured["documents"], measured["practices"]
        total = extract_s + index_s
        print(f"extraction of {args.pages} pages: {extract_s:.2f} s; indexing {parts} pages: {index_s:.2f} s")
        print(f"extraction and indexing: {total:.2f} s (target 5 s: {'met' if total <= 5 else 'MISSED'})")
        print(f"search hitting document pages: median {documents_ms[0]} ms, p95 {documents_ms[1]} ms")
        print(f"search hitting practices:      median {practices_ms[0]} ms, p95 {practices_ms[1]} ms")
        ratio = documents_ms[0] / practices_ms[0]
        print(f"document queries / practice queries (median): {ratio:.2f}x")
        print(f"the node's took, documents: median {took['documents'][0]} ms, p95 {took['documents'][1]} ms")
        print(f"the node's took, practices: median {took['practices'][0]} ms, p95 {took['practices'][1]} ms")
        summary = {
            "pages": args.pages,
            "extraction_s": round(extract_s, 2),
            "indexing_s": round(index_s, 2),
            "total_s": round(total, 2),
            "document_median_ms": documents_ms[0],
            "document_p95_ms": documents_ms[1],
            "practice_median_ms": practices_ms[0],
            "practice_p95_ms": practices_ms[1],
            "ratio_median": round(ratio, 2),
            "document_took_ms": took["documents"],
            "practice_took_ms": took["practices"],
        }
        print(json.dumps(summary))


if __name__ == "__main__":
    main()
