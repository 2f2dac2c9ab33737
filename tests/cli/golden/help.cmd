ambt help
