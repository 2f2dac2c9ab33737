ambt vestiging toevoegen --gemeente GM0358 --code aalsmeer-raadhuis --naam Raadhuis --adres 'Raadhuisplein 1' --postcode '1431 EH' --plaats Aalsmeer --balies 1 --open 'ma 09:00-12:00' --db DB
