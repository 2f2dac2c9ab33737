ambt verdeling bereken --input FIX/verdeling-fout.json
