// Package dashboard serves the policylens comparison pages: Fiber handlers
// that ask package queries for rows, turn them into go-echarts charts and
// render them with embedded html/template pages, in Chinese. The ECharts
// script is embedded and served by the binary, so no page fetches anything
// from outside the machine. Export writes the same pages as a static site
// that works from file://.
//
// Each page lives in its own file (overview.go, themes.go, terms.go,
// indicators.go, documents.go, console.go): fetch rows, build charts, fill
// the page's template. Every chart container carries data-chart="name",
// and every chart can be downloaded as CSV and shows the SQL behind it.
package dashboard
