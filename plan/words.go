package plan

// The domain words of the format. Each is a type that lists its words
// (Values), so the loader checks them and the JSON Schema's enums are
// generated from the same lists; what a word means to a reader (a title,
// whether it is a whole split in shares) is a method here, written once,
// rather than a string compared in a renderer.

// PlanKind is which kind of document a plan is.
type PlanKind string

// The kinds of plan.
const (
	KindCorporateStrategy PlanKind = "corporate-strategy"
	KindStrategyAndPlan   PlanKind = "strategy-and-plan"
	KindCorporatePlan     PlanKind = "corporate-plan"
	KindPolicingPlan      PlanKind = "policing-plan"
	KindBudgetSubmission  PlanKind = "budget-submission"
)

var planKinds = []word[PlanKind]{
	{KindCorporateStrategy, "Corporate strategy"},
	{KindStrategyAndPlan, "Strategy and policing plan"},
	{KindCorporatePlan, "Corporate plan"},
	{KindPolicingPlan, "Policing plan"},
	{KindBudgetSubmission, "Budget submission"},
}

// Values lists the kinds a plan may give.
func (PlanKind) Values() []string { return values(planKinds) }

// Label names the kind for a reader: "Corporate plan".
func (k PlanKind) Label() string { return labelOf(planKinds, k) }

// IsPolicingPlan reports whether the document is (or holds) an annual
// policing plan, whose objectives are operational rather than corporate.
func (k PlanKind) IsPolicingPlan() bool { return k == KindPolicingPlan || k == KindStrategyAndPlan }

// PlanStatus is how far the document had got towards approval, as its
// source shows.
type PlanStatus string

// The statuses of a plan.
const (
	// StatusDraft is a working version, not yet final: every page of
	// every format is marked DRAFT.
	StatusDraft PlanStatus = "draft"
	// StatusProposed is a plan put forward as final text whose approval
	// the source does not record: targets it calls draft, or a report
	// that asks for approval. It is not marked DRAFT, and it is not
	// approved.
	StatusProposed PlanStatus = "proposed"
	// StatusApproved is a plan the source shows approved (approved_by
	// says by whom).
	StatusApproved PlanStatus = "approved"
)

var planStatuses = []word[PlanStatus]{
	{StatusDraft, "Draft"},
	{StatusProposed, "Proposed, no approval recorded"},
	{StatusApproved, "Approved"},
}

// Values lists the statuses a plan may give.
func (PlanStatus) Values() []string { return values(planStatuses) }

// Label names the status for a reader: "Proposed, no approval recorded".
func (s PlanStatus) Label() string { return labelOf(planStatuses, s) }

// MeasureKind says what place a measure has in the plan.
type MeasureKind string

// The kinds of measure.
const (
	// MeasureCPA is a critical performance area (a headline KPI): the
	// measures a report counts as met or missed.
	MeasureCPA       MeasureKind = "cpa"
	MeasureIndicator MeasureKind = "indicator"
	MeasureLongTerm  MeasureKind = "long-term"
)

var measureKinds = []word[MeasureKind]{
	{MeasureCPA, "Critical performance areas"},
	{MeasureIndicator, "Supporting indicators"},
	{MeasureLongTerm, "Long-term measures"},
}

// Values lists the kinds, in the order a plan presents them.
func (MeasureKind) Values() []string { return values(measureKinds) }

// MeasureKinds lists the kinds in the order a plan presents them.
func MeasureKinds() []MeasureKind {
	return wordsOf(measureKinds)
}

// Title names the measures of the kind: "Critical performance areas".
func (k MeasureKind) Title() string { return labelOf(measureKinds, k) }

// Critical reports whether measures of the kind are critical performance
// areas.
func (k MeasureKind) Critical() bool { return k == MeasureCPA }

// InspectionBody is the inspectorate or framework that awarded a grade.
type InspectionBody string

// The inspection bodies.
const (
	BodyHMIC InspectionBody = "HMIC"
	BodyPPAF InspectionBody = "PPAF"
)

var inspectionBodies = []word[InspectionBody]{
	{BodyHMIC, "HMIC baseline assessment"},
	{BodyPPAF, "Police Performance Assessment Framework (PPAF) domain"},
}

// Values lists the bodies, in the order a plan presents them.
func (InspectionBody) Values() []string { return values(inspectionBodies) }

// InspectionBodies lists the bodies in the order a plan presents them.
func InspectionBodies() []InspectionBody {
	return wordsOf(inspectionBodies)
}

// Title names what the body grades: "HMIC baseline assessment".
func (b InspectionBody) Title() string { return labelOf(inspectionBodies, b) }

// BreakdownKind says what a budget breakdown splits.
type BreakdownKind string

// The kinds of breakdown.
const (
	BreakdownRevenue    BreakdownKind = "revenue"
	BreakdownFunding    BreakdownKind = "funding"
	BreakdownCapital    BreakdownKind = "capital"
	BreakdownSavings    BreakdownKind = "savings"
	BreakdownInvestment BreakdownKind = "investment"
	BreakdownOther      BreakdownKind = "other"
)

// Values lists the kinds of breakdown.
func (BreakdownKind) Values() []string {
	return []string{string(BreakdownRevenue), string(BreakdownFunding), string(BreakdownCapital),
		string(BreakdownSavings), string(BreakdownInvestment), string(BreakdownOther)}
}

// Shares reports whether the breakdown splits one whole into shares
// (revenue by category, funding by source), rather than listing amounts
// that need not make one whole (capital items, savings, investment).
func (k BreakdownKind) Shares() bool {
	return k != BreakdownCapital && k != BreakdownSavings && k != BreakdownInvestment
}

// Rule names a check of the loader or validator, as diagnostics carry it.
type Rule string

// The rules an author may acknowledge where the source itself breaks them.
const (
	RuleSum           Rule = "sum"
	RuleShares        Rule = "shares"
	RuleBalance       Rule = "balance"
	RuleDuplicateCode Rule = "duplicate-code"
	RuleUnit          Rule = "unit"
	RuleYearRange     Rule = "year-range"
	RulePercentRange  Rule = "percent-range"
	RuleFraction      Rule = "fraction"
	RuleTargetText    Rule = "target-text"
)

// Acknowledgeable lists the rules an acknowledge mapping may name.
func Acknowledgeable() []Rule {
	return []Rule{RuleSum, RuleShares, RuleBalance, RuleDuplicateCode, RuleUnit, RuleYearRange, RulePercentRange, RuleFraction, RuleTargetText}
}

// Values lists the rules an acknowledge mapping may name, for the schema.
func (Rule) Values() []string {
	var out []string
	for _, r := range Acknowledgeable() {
		out = append(out, string(r))
	}
	return out
}

// word is one word of a domain type with what a reader is shown for it.
type word[K ~string] struct {
	w     K
	label string
}

func values[K ~string](ws []word[K]) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = string(w.w)
	}
	return out
}

func wordsOf[K ~string](ws []word[K]) []K {
	out := make([]K, len(ws))
	for i, w := range ws {
		out[i] = w.w
	}
	return out
}

// labelOf returns the label of k, or k itself for a word the list lacks
// (a plan that failed to load may still be described).
func labelOf[K ~string](ws []word[K], k K) string {
	for _, w := range ws {
		if w.w == k {
			return w.label
		}
	}
	return string(k)
}
