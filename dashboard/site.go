package dashboard

import (
	"fmt"
	"hash/fnv"
	"net/url"
	"sort"
	"strconv"
)

// site makes the links of a page: absolute paths on the server, relative
// file names in the static export, where it also records every page a
// rendered page links to so that Export can write them all.
type site struct {
	static bool
	wanted map[string]pageRef // static only: file name -> page
}

// pageRef names one rendered page: its route name and query.
type pageRef struct {
	name  string
	query url.Values
	id    int64 // documents reader only
}

func serverSite() *site { return &site{} }

func staticSite() *site { return &site{static: true, wanted: map[string]pageRef{}} }

// Static reports whether pages are rendered for the static export; the
// templates leave out what needs a server (forms, the SQL console).
func (s *site) Static() bool { return s.static }

// Href links to a page without parameters, for the nav bar.
func (s *site) Href(name string) string { return s.Page(name, nil) }

// Page links to a page with query parameters.
func (s *site) Page(name string, q url.Values) string {
	if !s.static {
		path := "/" + name
		if name == "overview" {
			path = "/"
		}
		if len(q) > 0 {
			return path + "?" + q.Encode()
		}
		return path
	}
	if name == "console" {
		return "" // not available offline
	}
	file := staticFile(name, q)
	if _, ok := s.wanted[file]; !ok {
		s.wanted[file] = pageRef{name: name, query: q}
	}
	return file
}

// Doc links to the reader of one document, at a sentence when sentence >= 0.
func (s *site) Doc(id int64, sentence int) string {
	var link string
	if s.static {
		link = fmt.Sprintf("document-%d.html", id)
		if _, ok := s.wanted[link]; !ok {
			s.wanted[link] = pageRef{name: "document", id: id}
		}
	} else {
		link = "/documents/" + strconv.FormatInt(id, 10)
	}
	if sentence >= 0 {
		link += fmt.Sprintf("#s-%d", sentence)
	}
	return link
}

// Asset links to an embedded static file.
func (s *site) Asset(name string) string {
	if s.static {
		return "assets/" + name
	}
	return "/assets/" + name
}

// CSV links to the data of one chart of a page.
func (s *site) CSV(page, chart string, q url.Values) string {
	if s.static {
		file := staticFile(page, q)
		return file[:len(file)-len(".html")] + "--" + chart + ".csv"
	}
	link := "/csv/" + page + "/" + chart
	if len(q) > 0 {
		link += "?" + q.Encode()
	}
	return link
}

// Console links to the SQL console with a query filled in; "" offline.
func (s *site) Console(query string) string {
	if s.static {
		return ""
	}
	return "/sql?" + url.Values{"q": {query}}.Encode()
}

// staticFile is the file name of a page in the export: the overview is
// index.html, a page with parameters gets a hash of them.
func staticFile(name string, q url.Values) string {
	if name == "document" {
		return "document-" + q.Get("id") + ".html"
	}
	if name == "overview" && len(q) == 0 {
		return "index.html"
	}
	if len(q) == 0 {
		return name + ".html"
	}
	h := fnv.New32a()
	h.Write([]byte(q.Encode()))
	return fmt.Sprintf("%s-%08x.html", name, h.Sum32())
}

// pending returns the recorded pages not yet in done, in a stable order.
func (s *site) pending(done map[string]bool) []string {
	var out []string
	for f := range s.wanted {
		if !done[f] {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}
