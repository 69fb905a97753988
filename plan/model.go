package plan

// The model mirrors the published MPA/MPS planning documents. Every struct
// records where it was written (At), so a diagnostic or a diff can point at
// the line an author must change. Struct tags drive both the strict loader
// and the JSON Schema: `yaml` names the key, `mps:"required"` makes it
// mandatory, `enum` lists the allowed words and `doc` is the help text an
// editor shows.

// Plan is one published plan: a strategy, a policing plan, a corporate plan
// or a budget submission.
type Plan struct {
	At Pos `yaml:"-"`
	// Dir is the folder the plan was loaded from.
	Dir string `yaml:"-"`
	// keyPos holds where each top-level key was written, for problems
	// with values that carry no position of their own (plan_years).
	keyPos map[string]Pos
	// unread names the files of the plan that could not be parsed: what
	// they hold is missing, and validating the rest would report only
	// that absence.
	unread []string
	// Placements are the placement markers of the plan's Markdown, in the
	// order read ({{place: ID}}; see Placement).
	Placements []Placement `yaml:"-"`

	ID            string         `yaml:"id" mps:"required" doc:"Stable slug of the plan, also its folder name: 2008-11, 2006-09-draft."`
	Title         string         `yaml:"title" mps:"required" doc:"Title as the document prints it."`
	Subtitle      string         `yaml:"subtitle" doc:"Second title line, such as 'Executive summary'."`
	Kind          PlanKind       `yaml:"kind" mps:"required" doc:"Which kind of document this is."`
	Organisations []string       `yaml:"organisations" mps:"required" doc:"Publishing bodies, in the order the document names them."`
	Owner         string         `yaml:"owner" doc:"The organisation the plan belongs to, one of organisations; required when the plan is published jointly. Trends and reports draw only on plans of the same owner, or on predecessors."`
	Predecessors  []Ref          `yaml:"predecessors" doc:"IDs of the plans this one follows on from (2008-11 for 2010-13); their figures join its trends."`
	VersionOf     string         `yaml:"version_of" doc:"For a draft published apart from the plan approved from it: the ID of that plan. The two are versions of one plan, not predecessor and successor."`
	Period        Period         `yaml:"period" mps:"required" doc:"The financial years the plan covers."`
	PlanYears     []Year         `yaml:"plan_years" doc:"The year or years the document is the annual plan for (2008/09)."`
	Version       string         `yaml:"version" doc:"Document version as printed: v0.13.2."`
	Status        PlanStatus     `yaml:"status" mps:"required" doc:"draft (a working version, marked DRAFT on every page), proposed (put forward as final, its approval not recorded: draft targets, or a report asking for approval) or approved (approved_by says by whom)."`
	Date          Date           `yaml:"date" doc:"Publication or approval date: 2006-02-23, or 2005-09 when only the month is known."`
	ApprovedBy    string         `yaml:"approved_by" doc:"The body that approved the plan and where, as the source records it. Only with status approved."`
	Source        Source         `yaml:"source" doc:"For a plan copied from a published document: that document. Kept for tracing, never printed."`
	Theme         string         `yaml:"theme" doc:"Folder of the plan's theme (templates and theme.yaml, see docs/templates.md), relative to the plan's folder, such as ../../themes/mpa: its HTML and PDF take that look. It replaces the project's theme; build --templates replaces both."`
	EditionNotes  bool           `yaml:"edition_notes" doc:"true to print the maintainers' appendix About this edition (the source, encoder's notes, acknowledged inconsistencies, other wordings) in every build, as build --edition-notes does."`
	Summary       Markdown       `yaml:"summary" doc:"Foreword or executive summary (Markdown)."`
	Mission       string         `yaml:"mission" doc:"The mission statement."`
	Vision        string         `yaml:"vision" doc:"A longer-term aim, such as 'To make London the safest major city in the world'."`
	Commitments   []Item         `yaml:"commitments" doc:"Long-term commitments to the people of London."`
	Values        *Values        `yaml:"values" doc:"The values and the statements around them."`
	Outcomes      []Outcome      `yaml:"outcomes" doc:"Strategic outcomes."`
	Priorities    []Priority     `yaml:"priorities" doc:"Strategic priorities."`
	Objectives    []Objective    `yaml:"objectives" doc:"Corporate or operational objectives."`
	Enablers      []Item         `yaml:"enablers" doc:"What the strategy relies on: workforce, resources, partnership."`
	Improvements  []Item         `yaml:"improvements" doc:"Continuous-improvement themes."`
	Strategies    []Item         `yaml:"strategies" doc:"Supporting strategies, referred to by objectives."`
	Activities    []Activity     `yaml:"activities" doc:"Key activities, each for a year."`
	Measures      []Measure      `yaml:"measures" doc:"Critical performance areas, indicators and long-term measures."`
	SharedCodes   []string       `yaml:"shared_codes" doc:"Codes the document gives to many measures rather than to one (PP, for the policing plan's own indicators): measures may share them without a duplicate-code warning."`
	Budget        *Budget        `yaml:"budget" doc:"Revenue, funding, capital, savings and budget-gap tables."`
	Inspections   []Inspection   `yaml:"inspections" doc:"Inspection grades (HMIC frameworks, PPAF domains)."`
	Reports       []Report       `yaml:"reports" doc:"What the document says about the results of a year, for that year's annual report: when they were published, and the section with the authority's own account of them."`
	Sections      []Section      `yaml:"sections" doc:"Further sections and appendices the document has, in order."`
	Outline       []OutlineEntry `yaml:"outline" doc:"The order of the document's parts, built and written, as the source prints them: IDs of built parts (summary, mission-and-values, outcomes, budget, performance...) and of the plan's sections; {part: ID, parts: [...]} orders what a part holds and can place a section or a table inside another. Without it, the built parts come first, then the sections. Every part the document has must be placed once."`
}

// Period is the span of financial years a plan covers, inclusive.
type Period struct {
	At    Pos  `yaml:"-"`
	First Year `yaml:"first" mps:"required" doc:"First financial year: 2008/09."`
	Last  Year `yaml:"last" mps:"required" doc:"Last financial year: 2010/11."`
}

// Contains reports whether y lies in the period.
func (p Period) Contains(y Year) bool { return y >= p.First && y <= p.Last }

// Source names the published document a plan was taken from.
type Source struct {
	At       Pos    `yaml:"-"`
	Document string `yaml:"document" mps:"required" doc:"File name of the text extraction in the seeds folder."`
	Title    string `yaml:"title" doc:"Title of the published document."`
	Note     string `yaml:"note" doc:"What a maintainer should know about the source and how it was encoded. Never printed in the published documents (only in the About this edition appendix)."`
}

// Item is the common shape of listed things: values, enablers, strategies.
type Item struct {
	At          Pos         `yaml:"-"`
	ID          string      `yaml:"id" mps:"required" doc:"Stable slug, kept the same across plans."`
	Title       string      `yaml:"title" mps:"required" doc:"The wording of the document."`
	Description Markdown    `yaml:"description" doc:"Longer text (Markdown)."`
	Acknowledge Acknowledge `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// Values holds the organisation's values with the words around them.
type Values struct {
	At        Pos      `yaml:"-"`
	Intro     Markdown `yaml:"intro" doc:"The sentence introducing the values."`
	Items     []Item   `yaml:"items" mps:"required" doc:"The values."`
	Statement string   `yaml:"statement" doc:"The closing line, such as 'We are one team'."`
}

// Outcome is a strategic outcome the plan works towards.
type Outcome struct {
	At          Pos         `yaml:"-"`
	ID          string      `yaml:"id" mps:"required" doc:"Stable slug, kept the same across plans."`
	Title       string      `yaml:"title" mps:"required" doc:"The outcome as worded in this document."`
	Short       string      `yaml:"short" doc:"A short name the document also uses (Confidence, Safety)."`
	Wordings    []string    `yaml:"wordings" doc:"Other wordings the same document uses for the outcome (in a table, an appendix heading), verbatim."`
	Description Markdown    `yaml:"description" doc:"Narrative under the outcome (Markdown)."`
	Strands     []Item      `yaml:"strands" doc:"Statements the outcome is split into, each with its own narrative (Safety: 'Reduce crime and catch criminals', 'Be intolerant of violence'); IDs unique in the plan."`
	Acknowledge Acknowledge `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// Priority is a strategic priority, contributing to outcomes.
type Priority struct {
	At          Pos         `yaml:"-"`
	ID          string      `yaml:"id" mps:"required" doc:"Stable slug."`
	Title       string      `yaml:"title" mps:"required" doc:"The priority as worded."`
	Wordings    []string    `yaml:"wordings" doc:"Other wordings the same document uses for the priority (Making Neighbourhoods Safe), verbatim."`
	Description Markdown    `yaml:"description" doc:"The description of the priority (Markdown)."`
	Outcomes    []Ref       `yaml:"outcomes" doc:"IDs of the outcomes it contributes to."`
	Acknowledge Acknowledge `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// Objective is a corporate or operational objective.
type Objective struct {
	At          Pos         `yaml:"-"`
	ID          string      `yaml:"id" mps:"required" doc:"Stable slug."`
	Code        string      `yaml:"code" doc:"The objective's number or letter in the document, if any."`
	Title       string      `yaml:"title" mps:"required" doc:"The objective as worded."`
	Short       string      `yaml:"short" doc:"A short heading the document also uses ('Be intolerant of violence')."`
	Wordings    []string    `yaml:"wordings" doc:"Other wordings the same document uses for the objective (in a table of indicators), verbatim."`
	Description Markdown    `yaml:"description" doc:"Narrative (Markdown)."`
	Outcomes    []Ref       `yaml:"outcomes" doc:"IDs of the outcomes it serves."`
	Priorities  []Ref       `yaml:"priorities" doc:"IDs of the priorities it belongs to."`
	Strategies  []Ref       `yaml:"strategies" doc:"IDs of its supporting strategies."`
	Strands     []Ref       `yaml:"strands" doc:"IDs of the outcome strands it delivers, each a strand of one of its outcomes."`
	Owner       string      `yaml:"owner" doc:"Accountable business group or board member."`
	Acknowledge Acknowledge `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// Activity is a key activity planned for a year.
type Activity struct {
	At          Pos         `yaml:"-"`
	ID          string      `yaml:"id" mps:"required" doc:"Stable slug."`
	Title       string      `yaml:"title" mps:"required" doc:"The activity as worded."`
	Year        Year        `yaml:"year" doc:"The financial year it is planned for."`
	Objectives  []Ref       `yaml:"objectives" doc:"IDs of the objectives it delivers."`
	Priorities  []Ref       `yaml:"priorities" doc:"IDs of the priorities it delivers."`
	Description Markdown    `yaml:"description" doc:"Detail (Markdown)."`
	Acknowledge Acknowledge `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// Measure is a critical performance area, an indicator or a long-term
// measure, with its baseline, targets and results.
type Measure struct {
	At          Pos           `yaml:"-"`
	ID          string        `yaml:"id" mps:"required" doc:"Stable slug, the same in every plan that follows the measure."`
	Codes       []string      `yaml:"codes" doc:"Codes the document gives it: SPI 1e, APACS 2.2, NI 16, KPI 3(a), PSA 3."`
	Title       string        `yaml:"title" mps:"required" doc:"The measure as worded in this document."`
	Wordings    []string      `yaml:"wordings" doc:"Other wordings the same document uses for the measure (an appendix that lists it again), verbatim."`
	Kind        MeasureKind   `yaml:"kind" mps:"required" doc:"cpa (critical performance area / headline KPI), indicator (supporting), or long-term."`
	Unit        Unit          `yaml:"unit" mps:"required" enum:"number,percent,points,money,text" doc:"What its figures count."`
	Polarity    string        `yaml:"polarity" enum:"higher,lower,none" doc:"Which direction is better; none when neither is."`
	Figures     Figures       `yaml:"figures" doc:"levels (the default: 79%, 15,190) when the measure's baseline, targets and results are levels; changes when they are changes on the previous year (Change in gun crime: -15.9%)."`
	Within      Ref           `yaml:"within" doc:"The measure this one is printed within, in brackets and without a target of its own (2006-09's [Change in VAP] under violent crime): listed beside it, but not counted as a critical performance area of its own."`
	Accumulates bool          `yaml:"accumulates" doc:"true for a count or sum of money that builds up through the year (crimes, intrusions, assets seized), so a part-year figure is only part of the year's; false (the default) for a rate, share, average or a stock counted at a date (outstanding warrants)."`
	Owner       string        `yaml:"owner" doc:"Accountable business group or board member."`
	Description Markdown      `yaml:"description" doc:"Definition of the measure (Markdown)."`
	DataSource  string        `yaml:"data_source" doc:"Where its figures come from, as the document names it: 'British Crime Survey (BCS) and PAS', 'NI 16'. Printed in a Source column of the performance table."`
	Objectives  []Ref         `yaml:"objectives" doc:"IDs of the objectives it monitors."`
	Outcomes    []Ref         `yaml:"outcomes" doc:"IDs of the outcomes it monitors, where the document files it under an outcome."`
	Priorities  []Ref         `yaml:"priorities" doc:"IDs of the priorities it monitors."`
	Baseline    *Observation  `yaml:"baseline" doc:"The figure targets are set against."`
	Targets     []Target      `yaml:"targets" doc:"Targets by year."`
	Results     []Result      `yaml:"results" doc:"Results by year (or part of a year)."`
	Parts       []MeasurePart `yaml:"parts" doc:"Breakdowns reported separately (White / B&ME users, owned / residing warrants)."`
	Comment     Markdown      `yaml:"comment" doc:"Trend or additional information (Markdown)."`
	MSFRank     int           `yaml:"msf_rank" doc:"Rank among the most similar forces (1 is best)."`
	EncoderNote Markdown      `yaml:"encoder_note" doc:"For maintainers: how the encoder read the source (Markdown). Never printed in the published documents; kept for check, diff and the About this edition appendix (build --edition-notes)."`
	Acknowledge Acknowledge   `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// MeasurePart is one breakdown of a measure, with figures of its own.
type MeasurePart struct {
	At       Pos          `yaml:"-"`
	ID       string       `yaml:"id" mps:"required" doc:"Slug, unique within the measure."`
	Title    string       `yaml:"title" mps:"required" doc:"The breakdown's label."`
	Unit     Unit         `yaml:"unit" enum:"number,percent,points,money,text" doc:"What the part's figures count, when not the measure's unit: White and B&ME satisfaction (percent) under a satisfaction gap (points)."`
	Baseline *Observation `yaml:"baseline" doc:"Its baseline."`
	Targets  []Target     `yaml:"targets" doc:"Its targets."`
	Results  []Result     `yaml:"results" doc:"Its results."`
	Comment  Markdown     `yaml:"comment" doc:"Comment (Markdown)."`
}

// Observation is a figure measured over a year or part of it.
type Observation struct {
	At          Pos      `yaml:"-"`
	Year        Year     `yaml:"year" mps:"required" doc:"Financial year the figure belongs to."`
	Period      string   `yaml:"period" doc:"The part of the year it covers when not the whole: 'April to December 2006'."`
	Value       Figure   `yaml:"value" mps:"required" doc:"The figure as printed (79%, 15,190, N/A)."`
	Note        string   `yaml:"note" doc:"Qualification the source prints beside it."`
	EncoderNote Markdown `yaml:"encoder_note" doc:"For maintainers: how the encoder read the source (Markdown). Never printed in the published documents; kept for check, diff and the About this edition appendix (build --edition-notes)."`
}

// Result is a reported outcome against a measure.
type Result struct {
	At      Pos      `yaml:"-"`
	Year    Year     `yaml:"year" mps:"required" doc:"Financial year."`
	Period  string   `yaml:"period" doc:"The part of the year it covers when not the whole: 'April to December 2006'."`
	Value   Figure   `yaml:"value" mps:"required" doc:"The figure as printed."`
	Comment Markdown `yaml:"comment" doc:"Comment printed beside it (Markdown)."`
	// Of is set when the document prints an earlier year's figure in
	// this year's place, so a report does not judge it as this year's.
	Of Year `yaml:"of" doc:"The year the figure is for, when the document prints an earlier year's figure in this year's column because it is provided only once a year: {year: 2006/07, of: 2005/06, value: 61.9%}."`
}

// Earlier reports whether the result is an earlier year's figure
// printed in its year's place.
func (r Result) Earlier() bool { return r.Of != 0 && r.Of < r.Year }

// Figures says whether a measure's figures are levels or changes on the
// previous year. It is data, not read from the title: rewording "Change in
// gun crime" must not change how its results are judged.
type Figures string

// The kinds of figure a measure holds.
const (
	FiguresLevels  Figures = "levels"  // 79%, 15,190: the empty value means this
	FiguresChanges Figures = "changes" // -15.9%: a change on the previous year
)

// Values lists the words a plan may write, for the loader and the schema.
func (Figures) Values() []string { return []string{string(FiguresLevels), string(FiguresChanges)} }

// Critical reports whether the measure counts as a critical performance
// area of its own: its kind says so and it is not a row within another.
func (m *Measure) Critical() bool { return m.Kind.Critical() && m.Within.ID == "" }

// HoldsChanges reports whether the measure's figures are changes on the
// previous year.
func (m *Measure) HoldsChanges() bool { return m.Figures == FiguresChanges }

// Partial reports whether the result covers only part of its year.
func (r Result) Partial() bool { return r.Period != "" }

// Target kinds. The rule each implies for status is in package report.
const (
	TargetLevel     = "level"     // reach at least (or at most) a level: 82.5%, 325
	TargetChange    = "change"    // a relative change on the previous year: -3%
	TargetPoints    = "points"    // a change in percentage points: -1pp
	TargetDirection = "direction" // just a direction: "increase on last year"
	TargetText      = "text"      // described in words only; not assessable
	TargetBaseline  = "baseline"  // the year sets a baseline; nothing to meet
	TargetMonitor   = "monitor"   // monitored, deliberately no target
)

// Target is what a measure should reach in a year.
type Target struct {
	At          Pos      `yaml:"-"`
	Year        Year     `yaml:"year" mps:"required" doc:"Financial year the target is for."`
	Kind        string   `yaml:"kind" mps:"required" enum:"level,change,points,direction,text,baseline,monitor" doc:"level (reach 82.5%), change (relative: -3%), points (-1pp), direction (increase/decrease), text, baseline (baseline year), monitor (no target)."`
	Text        string   `yaml:"text" mps:"required" doc:"The target as the document prints it: '3% reduction', 'Increase number to 325'."`
	Value       *Figure  `yaml:"value" doc:"The number the text states: 325, -3%, -1pp. Required for level, change and points."`
	Direction   string   `yaml:"direction" enum:"increase,decrease" doc:"For kind direction: which way."`
	Note        Markdown `yaml:"note" doc:"Qualification the source prints with it (a proxy under consideration...)."`
	EncoderNote Markdown `yaml:"encoder_note" doc:"For maintainers: how the encoder read the source (Markdown). Never printed in the published documents; kept for check, diff and the About this edition appendix (build --edition-notes)."`
	// Review marks a target carried into a new plan (mpsplan new --from)
	// that nobody has confirmed yet; it is never printed.
	Review string `yaml:"review" doc:"Why the target awaits review, such as 'carried from 2010-13' (set by mpsplan new --from). A warning until removed, once the target is confirmed or changed."`
}

// Budget holds the financial tables of a plan.
type Budget struct {
	At         Pos         `yaml:"-"`
	Summary    Markdown    `yaml:"summary" doc:"The financial narrative (Markdown)."`
	Breakdowns []Breakdown `yaml:"breakdowns" doc:"Totals split into parts: revenue by category, funding, capital, savings."`
	Tables     []Table     `yaml:"tables" doc:"Figures by year: scenarios, funding envelopes, the budget gap."`
	Risks      []Risk      `yaml:"risks" doc:"Financial risks and issues."`
	// Initiatives and Capital hold what a budget submission says before its
	// figures are final: funding already given to new priorities, and the
	// state of a capital programme still being prepared.
	Initiatives []Initiative `yaml:"initiatives" doc:"New initiatives and the funding given to them, such as mayoral priorities already funded in the year before the plan."`
	Capital     Markdown     `yaml:"capital" doc:"The capital position in words, when the document gives no capital figures (Markdown)."`
}

// Initiative is a new initiative or priority and the money given to it.
type Initiative struct {
	At          Pos      `yaml:"-"`
	ID          string   `yaml:"id" mps:"required" doc:"Stable slug."`
	Title       string   `yaml:"title" mps:"required" doc:"The initiative as named: Operation Tyrol."`
	Year        Year     `yaml:"year" doc:"Financial year the money is for; it may precede the plan's period."`
	Amount      *Figure  `yaml:"amount" doc:"Money as printed, with its words: {text: £17.6 m from TfL, value: £17.6m}."`
	Objectives  []Ref    `yaml:"objectives" doc:"IDs of the objectives it serves."`
	Description Markdown `yaml:"description" doc:"Detail (Markdown)."`
}

// Breakdown is a stated total and the parts the document splits it into.
type Breakdown struct {
	At          Pos             `yaml:"-"`
	ID          string          `yaml:"id" mps:"required" doc:"Stable slug: revenue, funding, capital."`
	Kind        BreakdownKind   `yaml:"kind" mps:"required" doc:"What is broken down."`
	Title       string          `yaml:"title" mps:"required" doc:"Heading for the table."`
	Year        Year            `yaml:"year" mps:"required" doc:"Financial year."`
	Total       *Figure         `yaml:"total" doc:"The total as stated (£3.56bn). Omit when the document states none."`
	Items       []BreakdownItem `yaml:"items" mps:"required" doc:"The parts."`
	Note        Markdown        `yaml:"note" doc:"Text the source prints with the table (Markdown)."`
	EncoderNote Markdown        `yaml:"encoder_note" doc:"For maintainers: how the encoder read the source (Markdown). Never printed in the published documents; kept for check, diff and the About this edition appendix (build --edition-notes)."`
	Acknowledge Acknowledge     `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule (sum, shares), with the reason."`
}

// BreakdownItem is one part of a breakdown.
type BreakdownItem struct {
	At          Pos      `yaml:"-"`
	ID          string   `yaml:"id" mps:"required" doc:"Stable slug, unique within the breakdown."`
	Title       string   `yaml:"title" mps:"required" doc:"The part as named."`
	Amount      Figure   `yaml:"amount" mps:"required" doc:"Money as printed: £2.76bn."`
	Share       *Figure  `yaml:"share" doc:"Share of the total as printed: 77%."`
	Description Markdown `yaml:"description" doc:"What it covers (Markdown)."`
	// Derived marks the one part whose amount the source leaves unprinted
	// ("the remainder"): the plan writes the figure the other parts imply,
	// validation checks it against the total, and the document prints it
	// as derived, never as if the source had printed it.
	Derived bool `yaml:"derived" doc:"true when the source prints no figure for the part but words such as 'the remainder': write the amount as {text: the remainder, value: <the total less the other parts>}; validation checks it and the document prints the figure as derived. At most one part a breakdown, which must state its total."`
}

// Table is a grid of figures by year, such as the budget-gap table. Rows
// may state how they derive from other rows, and validation checks every
// column exactly.
type Table struct {
	At          Pos         `yaml:"-"`
	ID          string      `yaml:"id" mps:"required" doc:"Stable slug."`
	Title       string      `yaml:"title" mps:"required" doc:"Heading."`
	Unit        string      `yaml:"unit" doc:"Unit the cells are printed in, shown in the header: £m."`
	Columns     []Year      `yaml:"columns" mps:"required" doc:"The financial years, in order."`
	Rows        []TableRow  `yaml:"rows" mps:"required" doc:"The rows."`
	Note        Markdown    `yaml:"note" doc:"Text the source prints with the table (Markdown)."`
	EncoderNote Markdown    `yaml:"encoder_note" doc:"For maintainers: how the encoder read the source (Markdown). Never printed in the published documents; kept for check, diff and the About this edition appendix (build --edition-notes)."`
	Acknowledge Acknowledge `yaml:"acknowledge" doc:"Known inconsistencies of the source, by rule, with the reason."`
}

// TableRow is a labelled row of a Table.
type TableRow struct {
	At     Pos       `yaml:"-"`
	ID     string    `yaml:"id" mps:"required" doc:"Slug, unique within the table."`
	Label  string    `yaml:"label" doc:"The row label as printed (empty for an unlabelled subtotal)."`
	Values []*Figure `yaml:"values" mps:"required" doc:"One cell a column; ~ for an empty cell."`
	Equals string    `yaml:"equals" doc:"How the row derives from others: 'approved + savings + pay', 'subtotal - lower'."`
	// SameAs names a row of another table that states the same figures,
	// so that the two cannot drift apart (rule balance).
	SameAs string `yaml:"same_as" doc:"The row of another table that states the same figures, as table/row: funding-envelope/lower. Each year both tables have must hold the same amount."`
	Total  bool   `yaml:"total" doc:"Print the row as a total."`
}

// Risk is a risk or issue named in a budget.
type Risk struct {
	At          Pos      `yaml:"-"`
	ID          string   `yaml:"id" mps:"required" doc:"Stable slug."`
	Title       string   `yaml:"title" mps:"required" doc:"The risk as named."`
	Kind        string   `yaml:"kind" enum:"risk,issue" doc:"risk or issue."`
	Area        string   `yaml:"area" enum:"revenue,capital" doc:"The budget it bears on, where the document files it under one: revenue or capital."`
	Amount      *Figure  `yaml:"amount" doc:"Money at stake, if stated."`
	Description Markdown `yaml:"description" doc:"Detail (Markdown)."`
}

// Report holds what a plan says about the results of one year, the
// facts its annual report needs that no measure carries.
type Report struct {
	At   Pos  `yaml:"-"`
	Year Year `yaml:"year" mps:"required" doc:"The financial year whose results these are: 2006/07."`
	// Date is the report's date: a plan is dated before its first year
	// begins, its results are published during or after the year.
	Date       Date `yaml:"date" doc:"When the results were published: 2007-03-14, or 2007-03 when only the month is known; not before the year begins. The annual report carries it; without it, the build's date (SOURCE_DATE_EPOCH), or none."`
	Commentary Ref  `yaml:"commentary" doc:"ID of the plan's section that gives the authority's own account of the year's results (How we did during 2006/07); the annual report prints it as published."`
}

// ReportFor returns what the plan says about the results of y, or nil.
func (p *Plan) ReportFor(y Year) *Report {
	for i := range p.Reports {
		if p.Reports[i].Year == y {
			return &p.Reports[i]
		}
	}
	return nil
}

// Inspection is a grade an inspectorate awarded.
type Inspection struct {
	At        Pos            `yaml:"-"`
	ID        string         `yaml:"id" mps:"required" doc:"Stable slug, unique within body."`
	Body      InspectionBody `yaml:"body" mps:"required" doc:"HMIC (baseline assessment framework) or PPAF (domain)."`
	Group     string         `yaml:"group" doc:"The heading it is listed under (Citizen Focus)."`
	Area      string         `yaml:"area" mps:"required" doc:"Framework or domain as named."`
	Year      Year           `yaml:"year" mps:"required" doc:"Financial year assessed."`
	Grade     string         `yaml:"grade" mps:"required" enum:"Excellent,Good,Fair,Poor,Not Graded" doc:"Grade awarded."`
	Direction string         `yaml:"direction" enum:"Improved,Stable,Deteriorated,Not Graded" doc:"Direction of travel."`
}

// Section is further content the document has: narrative, lists and
// appendices that have no dedicated place in the model.
type Section struct {
	At       Pos       `yaml:"-"`
	ID       string    `yaml:"id" mps:"required" doc:"Stable slug."`
	Title    string    `yaml:"title" mps:"required" doc:"Heading."`
	Appendix bool      `yaml:"appendix" doc:"Print among the appendices."`
	Body     Markdown  `yaml:"body" doc:"Text (Markdown)."`
	Items    []Item    `yaml:"items" doc:"A list the section holds, such as the Commissioner's 5 Ps."`
	Measures []Ref     `yaml:"measures" doc:"IDs of the measures the section lists under its heading (2007-10's additional PPAF measures), printed there as a table with their owners and targets."`
	Sections []Section `yaml:"sections" doc:"Subsections."`
}

// Markdown is CommonMark text written by a plan author.
type Markdown string

// Ref is the ID of another item in the same plan, with the position it was
// written at so that a dangling reference can be reported there.
type Ref struct {
	At Pos
	ID string
}

// Acknowledge lists the validation rules (sum, shares, duplicate-code, ...)
// the source document is known to break at this item, each with the reason.
// A problem so acknowledged is reported as a note, not a warning. In YAML it
// is a mapping from rule to reason; a rule about figures that do not add up
// (sum, shares, balance) names the gap it accepts as well, so that a later
// edit that changes the gap is reported again:
//
//	acknowledge:
//	  sum: {difference: £1.3m, reason: The source's items add up to £239.8m.}
type Acknowledge []Ack

// Ack is one acknowledged inconsistency.
type Ack struct {
	At     Pos
	Rule   Rule
	Reason string
	// Difference is the gap a sum, shares or balance acknowledgement
	// accepts: the figure stated less the figure computed (£1.3m for a
	// stated £241.1m over items adding up to £239.8m). Nil for the rules
	// that accept no figure, and for an old acknowledgement that gives a
	// reason only, which validation rejects.
	Difference *Figure
}

// Reason returns the reason given for rule, if it is acknowledged.
func (a Acknowledge) Reason(rule Rule) (string, bool) {
	for _, k := range a {
		if k.Rule == rule {
			return k.Reason, true
		}
	}
	return "", false
}

// Get returns the acknowledgement of rule, or nil.
func (a Acknowledge) Get(rule Rule) *Ack {
	for i := range a {
		if a[i].Rule == rule {
			return &a[i]
		}
	}
	return nil
}
