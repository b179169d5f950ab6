"""The researchers' side: the output tables typed for pandas, the data dictionary, the HTML report."""
