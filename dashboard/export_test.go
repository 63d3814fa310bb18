package dashboard

import "strings"

// RouteForFuzz is one route as the HTTP fuzz test sees it: its method, its
// path (the CSV and JSON routes once per page, the exports once per table
// and format, with the names filled in) and
// the names of its query/form and path parameters.
type RouteForFuzz struct {
	Method, Path string
	Params       []string
	PathParams   []string
}

// RoutesForFuzz lists every route with its declared parameters, from the
// same declarations the server validates against.
func RoutesForFuzz() []RouteForFuzz {
	s := &server{}
	var out []RouteForFuzz
	add := func(method, path string, specs []paramSpec) {
		r := RouteForFuzz{Method: method, Path: path}
		for _, p := range specs {
			if p.path {
				if strings.Contains(path, ":"+p.name) {
					r.PathParams = append(r.PathParams, p.name)
				}
				continue
			}
			r.Params = append(r.Params, p.name)
		}
		out = append(out, r)
	}
	for _, r := range s.routes() {
		switch r.path {
		case "/csv/:page/:chart", "/json/:page/:chart":
			for name := range pages {
				add(r.method, strings.Replace(r.path, ":page", name, 1), csvParams(name))
			}
			continue
		case "/json/:page":
			for name := range pages {
				add(r.method, "/json/"+name, jsonParams(name))
			}
			continue
		case "/export/:file":
			for table := range exportTables {
				for format := range exportFormats {
					add(r.method, "/export/"+table+"."+format, exportParams(table))
				}
			}
			add(r.method, r.path, exportParams("documents")) // the file name itself
			continue
		}
		add(r.method, r.path, r.params)
	}
	return out
}
