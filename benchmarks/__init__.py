"""Speed and quality measurements, run by hand (not as tests)."""
