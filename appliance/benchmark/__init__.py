"""The latency benchmark: a corpus through the real pipeline, summarised per stage."""

from appliance.benchmark.corpus import Utterance, built_in_corpus, folder_corpus
from appliance.benchmark.run import BenchResult, format_table, run_benchmark

__all__ = ["BenchResult", "Utterance", "built_in_corpus", "folder_corpus", "format_table",
           "run_benchmark"]
