ambt verdeling rol aa-ict --jaar 2024 --ondersteunend --volgorde 4294967297 --db DB
