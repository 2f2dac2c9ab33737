ambt kostenpost lijst --samenwerking AA --jaar 2024 --db DB
