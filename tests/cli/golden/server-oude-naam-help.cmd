ambt serve --help
