"""OneRoster 1.1 and 1.2 in the district's terms: which files a roster set has, what a row of
each means, and the rules it must keep. Readers of CSV files and REST providers hand rows in the
standard's own field names; everything here is pure."""
