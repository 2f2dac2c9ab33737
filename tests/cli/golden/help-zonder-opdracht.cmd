ambt
