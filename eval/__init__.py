"""Score the extractor and the analysis against the hand-written gold in eval/gold/ (`make eval`)."""
