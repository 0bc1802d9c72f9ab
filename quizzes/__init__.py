"""The quiz engine: quiz pages, question bank, attempts, grading, gradebook, statistics, regrade, import."""
