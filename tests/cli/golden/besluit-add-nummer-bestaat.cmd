ambt besluit toevoegen --organisatie GM0397 --orgaan college --datum 2021-05-27 --onderwerp "Nog een" --identificatie 830016 --db DB
