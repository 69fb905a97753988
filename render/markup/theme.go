package markup

import (
	"encoding/base64"
	"fmt"
	htemplate "html/template"
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/theme"
)

// themeView is what templates see of the theme (.Theme).
type themeView struct {
	// CSS sets the theme's colours as the stylesheet's custom properties
	// (--text, --muted, --accent, --link, --rule, --band, --bg, --draft)
	// and, for a theme that names fonts, embeds them; print it after
	// style.css.
	CSS htemplate.CSS
	// Logo is the logo as a data: URL for an <img src>, empty when the
	// theme has none; LogoAlt its alternative text, LogoWidth its width
	// in CSS pixels.
	Logo      htemplate.URL
	LogoAlt   string
	LogoWidth int
	// Header and Footer are the theme's running texts with their
	// placeholders filled; empty when the theme sets none.
	Header, Footer string
}

func newThemeView(th *theme.Theme, d *doc.Document, html bool) *themeView {
	v := &themeView{}
	if html {
		v.CSS = themeCSS(th)
	}
	if lg := th.Logo; lg != nil {
		v.Logo = htemplate.URL("data:image/" + lg.Type + ";base64," + base64.StdEncoding.EncodeToString(lg.Data)) //nolint:gosec // an image the theme names, base64
		v.LogoAlt = lg.Alt
		w := lg.Width
		if w <= 0 {
			w = 40
		}
		v.LogoWidth = int(w/25.4*96 + 0.5)
	}
	fields := map[string]string{"title": d.Title, "subtitle": d.Subtitle, "date": d.Date, "id": d.ID,
		"organisations": strings.Join(d.Organisations, ", ")}
	if th.Header != "" {
		v.Header = theme.RunningText(th.Header, fields)
	}
	if th.Footer != "" {
		v.Footer = theme.RunningText(th.Footer, fields)
	}
	return v
}

// themeCSS sets the theme's colours as the stylesheet's custom properties
// and embeds the fonts of a theme that names them.
func themeCSS(th *theme.Theme) htemplate.CSS {
	c := th.Colours
	var b strings.Builder
	fmt.Fprintf(&b, ":root { --text: %s; --muted: %s; --accent: %s; --link: %s; --rule: %s; --band: %s; --bg: %s; --draft: %s; }\n",
		c.Text.Hex(), c.Muted.Hex(), c.Accent.Hex(), c.Link.Hex(), c.Rule.Hex(), c.Band.Hex(), c.Background.Hex(), c.Draft.Hex())
	if f := th.Fonts; !f.Builtin && f.Regular.TTF != nil {
		fam := strings.NewReplacer(`"`, "", `\`, "", "<", "", ">", "").Replace(f.Family)
		for _, face := range []struct {
			font          theme.Font
			weight, style string
		}{{f.Regular, "normal", "normal"}, {f.Bold, "bold", "normal"}, {f.Italic, "normal", "italic"}, {f.BoldItalic, "bold", "italic"}} {
			fmt.Fprintf(&b, "@font-face { font-family: \"%s\"; font-weight: %s; font-style: %s; src: url(data:font/ttf;base64,%s) format(\"truetype\"); }\n",
				fam, face.weight, face.style, base64.StdEncoding.EncodeToString(face.font.TTF))
		}
		fmt.Fprintf(&b, "body { font-family: \"%s\", system-ui, sans-serif; }\n", fam)
	}
	return htemplate.CSS(b.String()) //nolint:gosec // built from parsed colours and a sanitised family name
}
