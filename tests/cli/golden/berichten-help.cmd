ambt berichten --help
