package render

import "time"

// sampleDoc is a Document holding every kind of block and the text that
// trips writers up: Markdown and HTML specials, raw HTML, author headings,
// a table in author Markdown, gaps in charts, deep nesting, an appendix.
func sampleDoc() *Document {
	revenue := &Table{ID: "revenue-table", Caption: "Revenue budget", RowHeaders: true,
		Head: []string{"Item", "Amount", "Share"}, Numeric: []bool{false, true, true},
		Rows: []Row{
			{Cells: []string{"Pay | overtime", "£2.76bn", "77%"}},
			{Cells: []string{"*Supplies* & <services>", "£0.80bn", "23%"}},
			{Cells: []string{"Total", "£3.56bn", ""}, Total: true},
		},
		Note: "Figures as *published*; `|` is a pipe.",
	}
	return &Document{
		Kind:          "plan",
		ID:            "sample",
		Title:         "Sample plan | 2026",
		Subtitle:      "Every block, every special",
		Organisations: []string{"Authority A", "Service <B>", "Partner & C"},
		Meta:          []Meta{{"Period", "2026/27 to 2028/29"}, {"Status", "Draft"}, {"Date", "1 April 2026"}},
		Date:          "1 April 2026",
		Created:       time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Keywords:      []string{"sample", "test"},
		Sections: []*Section{
			{ID: "text", Title: "Text [with] *specials*", Level: 1, Blocks: []Block{
				&Text{Markdown: "A paragraph with **bold**, a [link](https://example.org) and <script>alert('x')</script>.\n\n# Author heading\n\nUnder it.\n\n## Author subheading\n\n| a | b |\n| --- | --- |\n| 1 | 2 |"},
				&List{Items: []ListItem{{Text: "First | item"}, {ID: "second", Text: "1. Second", Detail: "Detail with *emphasis*.\n\nAnd a second paragraph."}}},
				&List{Ordered: true, Items: []ListItem{{Text: "one"}, {Text: "two", Detail: "two's detail"}}},
			}},
			{ID: "figures", Title: "Figures", Level: 1, Sections: []*Section{
				{ID: "tables", Title: "Tables", Level: 2, Blocks: []Block{
					revenue,
					&Table{ID: "grouped", Caption: "Grouped rows", RowHeaders: true, Head: []string{"Objective", "Strategies"}, Numeric: []bool{false, false},
						Rows: []Row{{Cells: []string{"Outcome: Safer"}, Group: true}, {Cells: []string{"Reduce crime", "Patrols; Partnerships"}}, {Cells: []string{"Outcome: Confident"}, Group: true}, {Cells: []string{"Satisfy victims", ""}}}},
					&Table{Caption: "No ID, no row headers", Head: []string{"A", "B"}, Rows: []Row{{Cells: []string{"x"}}}},
				}},
				{ID: "charts", Title: "Charts", Level: 2, Blocks: []Block{
					&Chart{ID: "shares", Kind: ChartShares, Title: "Revenue by category", Alt: "Pay £2.76bn (77%); supplies £0.80bn (23%).",
						Labels: []string{"Pay | overtime", "Supplies"}, Series: []Series{{Name: "Amount", Values: []Point{{Value: 2.76e9, Text: "£2.76bn (77%)"}, {Value: 0.8e9, Text: "£0.80bn (23%)"}}}}, Data: &Table{ID: "shares-data", Caption: "Revenue by category", Head: []string{"Item", "Amount"}, Numeric: []bool{false, true}, RowHeaders: true, Rows: []Row{{Cells: []string{"Pay | overtime", "£2.76bn (77%)"}}, {Cells: []string{"Supplies", "£0.80bn (23%)"}}}}},
					&Chart{ID: "bars", Kind: ChartBars, Title: "Capital programme", Alt: "Property £69.6m; technology £107m; nothing for vehicles.",
						Labels: []string{"Property", "Technology", "Vehicles"}, Series: []Series{{Name: "Amount", Values: []Point{{Value: 69.6, Text: "£69.6m"}, {Value: 107, Text: "£107m"}, {Missing: true}}}}, Data: &Table{ID: "bars-data", Caption: "Capital programme", Head: []string{"Item", "Amount"}, Numeric: []bool{false, true}, RowHeaders: true, Rows: []Row{{Cells: []string{"Property", "£69.6m"}}, {Cells: []string{"Technology", "£107m"}}, {Cells: []string{"Vehicles", ""}}}}},
					&Chart{ID: "tr", Kind: ChartTargetResult, Title: "Target against result", Alt: "Satisfaction: target 82.5%, result 79%, not met.",
						Labels: []string{"Victim satisfaction with a long label that has to wrap over more than one line in the drawing"}, Series: []Series{{Name: "Target", Values: []Point{{Value: 82.5, Text: "82.5%"}}}, {Name: "Result", Values: []Point{{Value: 79, Text: "79%", Status: "not met"}}}}, Data: &Table{ID: "tr-data", Caption: "Target against result", Head: []string{"Measure", "Target", "Result"}, Numeric: []bool{false, true, true}, RowHeaders: true, Rows: []Row{{Cells: []string{"Victim satisfaction with a long label that has to wrap over more than one line in the drawing", "82.5%", "79% (not met)"}}}}},
					&Chart{ID: "trend", Kind: ChartTrend, Title: "Total crime", Alt: "1,060,930 in 2003/04, 921,779 in 2006/07.",
						Labels: []string{"2003/04", "2006/07"}, Series: []Series{{Name: "Crimes", Values: []Point{{Value: 1060930, Text: "1,060,930"}, {Value: 921779, Text: "921,779"}}}}, Data: &Table{ID: "trend-data", Caption: "Total crime", Head: []string{"Year", "Crimes"}, Numeric: []bool{false, true}, RowHeaders: true, Rows: []Row{{Cells: []string{"2003/04", "1,060,930"}}, {Cells: []string{"2006/07", "921,779"}}}}},
				}},
			}},
			{ID: "deep", Title: "Deep", Level: 1, Blocks: []Block{&Text{Markdown: "Level 1."}}, Sections: []*Section{
				{ID: "deep-2", Title: "Deep 2", Level: 2, Sections: []*Section{
					{ID: "deep-3", Title: "Deep 3", Level: 3, Sections: []*Section{
						{ID: "deep-4", Title: "Deep 4", Level: 4, Sections: []*Section{
							{ID: "deep-5", Title: "Deep 5", Level: 5, Blocks: []Block{&Text{Markdown: "Five levels down."}}},
						}},
					}},
				}},
			}},
			{ID: "appendix-1", Title: "Appendix 1: Sources", Level: 1, Appendix: true, Blocks: []Block{&Text{Markdown: "The sources."}}},
		},
	}
}
