package markup

import (
	"time"

	"github.com/mpsplan/mpsplan/render/doc"
)

// sampleDoc is a Document holding every kind of block and the text that
// trips writers up: Markdown and HTML specials, raw HTML, author headings,
// a table in author Markdown, gaps in charts, deep nesting, an appendix.
func sampleDoc() *doc.Document {
	revenue := &doc.Table{ID: "revenue-table", Caption: "Revenue budget", RowHeaders: true,
		Head: []string{"Item", "Amount", "Share"}, Numeric: []bool{false, true, true},
		Rows: []doc.Row{
			{Cells: []string{"Pay | overtime", "£2.76bn", "77%"}},
			{Cells: []string{"*Supplies* & <services>", "£0.80bn", "23%"}},
			{Cells: []string{"Total", "£3.56bn", ""}, Total: true},
		},
		Note: "Figures as *published*; `|` is a pipe.",
	}
	return &doc.Document{
		Kind:          "plan",
		ID:            "sample",
		Title:         "Sample plan | 2026",
		Subtitle:      "Every block, every special",
		Organisations: []string{"Authority A", "Service <B>", "Partner & C"},
		Meta:          []doc.Meta{{Label: "Period", Value: "2026/27 to 2028/29"}, {Label: "Status", Value: "Draft"}, {Label: "Date", Value: "1 April 2026"}},
		Date:          "1 April 2026",
		Created:       time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Keywords:      []string{"sample", "test"},
		Sections: []*doc.Section{
			{ID: "text", Title: "Text [with] *specials*", Level: 1, Blocks: []doc.Block{
				&doc.Text{Markdown: "A paragraph with **bold**, a [link](https://example.org) and <script>alert('x')</script>.\n\n# Author heading\n\nUnder it.\n\n## Author subheading\n\n| a | b |\n| --- | --- |\n| 1 | 2 |"},
				&doc.List{Items: []doc.ListItem{{Text: "First | item"}, {ID: "second", Text: "1. Second", Detail: "Detail with *emphasis*.\n\nAnd a second paragraph."}}},
				&doc.List{Ordered: true, Items: []doc.ListItem{{Text: "one"}, {Text: "two", Detail: "two's detail"}}},
			}},
			{ID: "figures", Title: "Figures", Level: 1, Sections: []*doc.Section{
				{ID: "tables", Title: "Tables", Level: 2, Blocks: []doc.Block{
					revenue,
					&doc.Table{ID: "grouped", Caption: "Grouped rows", RowHeaders: true, Head: []string{"Objective", "Strategies"}, Numeric: []bool{false, false},
						Rows: []doc.Row{{Cells: []string{"Outcome: Safer"}, Group: true}, {Cells: []string{"Reduce crime", "Patrols; Partnerships"}}, {Cells: []string{"Outcome: Confident"}, Group: true}, {Cells: []string{"Satisfy victims", ""}}}},
					&doc.Table{Caption: "No ID, no row headers", Head: []string{"A", "B"}, Rows: []doc.Row{{Cells: []string{"x"}}}},
				}},
				{ID: "charts", Title: "Charts", Level: 2, Blocks: []doc.Block{
					&doc.Chart{ID: "shares", Kind: doc.ChartShares, Title: "Revenue by category", Alt: "Pay £2.76bn (77%); supplies £0.80bn (23%).",
						Labels: []string{"Pay | overtime", "Supplies"}, Series: []doc.Series{{Name: "Amount", Values: []doc.Point{{Value: 2.76e9, Text: "£2.76bn (77%)"}, {Value: 0.8e9, Text: "£0.80bn (23%)"}}}}, Data: &doc.Table{ID: "shares-data", Caption: "Revenue by category", Head: []string{"Item", "Amount"}, Numeric: []bool{false, true}, RowHeaders: true, Rows: []doc.Row{{Cells: []string{"Pay | overtime", "£2.76bn (77%)"}}, {Cells: []string{"Supplies", "£0.80bn (23%)"}}}}},
					&doc.Chart{ID: "bars", Kind: doc.ChartBars, Title: "Capital programme", Alt: "Property £69.6m; technology £107m; nothing for vehicles.",
						Labels: []string{"Property", "Technology", "Vehicles"}, Series: []doc.Series{{Name: "Amount", Values: []doc.Point{{Value: 69.6, Text: "£69.6m"}, {Value: 107, Text: "£107m"}, {Missing: true}}}}, Data: &doc.Table{ID: "bars-data", Caption: "Capital programme", Head: []string{"Item", "Amount"}, Numeric: []bool{false, true}, RowHeaders: true, Rows: []doc.Row{{Cells: []string{"Property", "£69.6m"}}, {Cells: []string{"Technology", "£107m"}}, {Cells: []string{"Vehicles", ""}}}}},
					&doc.Chart{ID: "tr", Kind: doc.ChartTargetResult, Title: "Target against result", Alt: "Satisfaction: target 82.5%, result 79%, not met.",
						Labels: []string{"Victim satisfaction with a long label that has to wrap over more than one line in the drawing"}, Series: []doc.Series{{Name: "Target", Values: []doc.Point{{Value: 82.5, Text: "82.5%"}}}, {Name: "Result", Values: []doc.Point{{Value: 79, Text: "79%", Status: "not met"}}}}, Data: &doc.Table{ID: "tr-data", Caption: "Target against result", Head: []string{"Measure", "Target", "Result"}, Numeric: []bool{false, true, true}, RowHeaders: true, Rows: []doc.Row{{Cells: []string{"Victim satisfaction with a long label that has to wrap over more than one line in the drawing", "82.5%", "79% (not met)"}}}}},
					&doc.Chart{ID: "trend", Kind: doc.ChartTrend, Title: "Total crime", Alt: "1,060,930 in 2003/04, 921,779 in 2006/07.",
						Labels: []string{"2003/04", "2006/07"}, Series: []doc.Series{{Name: "Crimes", Values: []doc.Point{{Value: 1060930, Text: "1,060,930"}, {Value: 921779, Text: "921,779"}}}}, Data: &doc.Table{ID: "trend-data", Caption: "Total crime", Head: []string{"Year", "Crimes"}, Numeric: []bool{false, true}, RowHeaders: true, Rows: []doc.Row{{Cells: []string{"2003/04", "1,060,930"}}, {Cells: []string{"2006/07", "921,779"}}}}},
				}},
			}},
			{ID: "deep", Title: "Deep", Level: 1, Blocks: []doc.Block{&doc.Text{Markdown: "Level 1."}}, Sections: []*doc.Section{
				{ID: "deep-2", Title: "Deep 2", Level: 2, Sections: []*doc.Section{
					{ID: "deep-3", Title: "Deep 3", Level: 3, Sections: []*doc.Section{
						{ID: "deep-4", Title: "Deep 4", Level: 4, Sections: []*doc.Section{
							{ID: "deep-5", Title: "Deep 5", Level: 5, Blocks: []doc.Block{&doc.Text{Markdown: "Five levels down."}}},
						}},
					}},
				}},
			}},
			{ID: "appendix-1", Title: "Appendix 1: Sources", Level: 1, Appendix: true, Blocks: []doc.Block{&doc.Text{Markdown: "The sources."}}},
		},
	}
}
