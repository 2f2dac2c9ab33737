ambt --db DB eenheid show hb-informatisering --format csv
