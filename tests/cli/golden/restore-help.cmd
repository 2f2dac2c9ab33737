ambt restore --help
