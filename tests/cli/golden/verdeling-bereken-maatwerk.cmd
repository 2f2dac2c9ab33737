ambt verdeling bereken --input FIX/verdeling-maatwerk.json
