"""Benchmark scripts (quality, speed, segmentation); run them as files, see README.md here."""
