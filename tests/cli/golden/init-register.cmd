ambt init --db nieuw.db --register FIX/brief.txt; test -e nieuw.db || echo "(geen database gemaakt)"
