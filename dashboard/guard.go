package dashboard

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// This file holds the checks that keep other web pages out: any page the
// user opens in a browser can send requests to a server on 127.0.0.1.
//
//   - Host allow-list: a request must name one of the hosts the server was
//     started for (DNS rebinding gives an attacker's name the address
//     127.0.0.1; the Host header still carries the attacker's name).
//   - Fetch metadata: browsers say where a request comes from
//     (Sec-Fetch-Site); another site may link to a page (a navigation) but
//     may not load pages, data or downloads as images, scripts or fetches.
//   - Same origin and a CSRF token on every state-changing request.

// defaultHosts are the names a local server always answers to.
var defaultHosts = []string{"127.0.0.1", "localhost", "::1"}

// allowedHosts returns the host names the server answers to: the defaults
// and extra (host names, or host:port as given to --addr, whose host is
// taken; wildcard addresses such as 0.0.0.0 name no host and are skipped).
func allowedHosts(extra []string) []string {
	out := slices.Clone(defaultHosts)
	for _, h := range extra {
		h = normalHost(h)
		if h == "" || h == "0.0.0.0" || h == "::" {
			continue
		}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}

// normalHost is the host of a Host header or --addr value: port and IPv6
// brackets removed, lower case, no trailing dot.
func normalHost(hostport string) string {
	h := strings.TrimSpace(hostport)
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	h = strings.TrimPrefix(strings.TrimSuffix(h, "]"), "[")
	return strings.TrimSuffix(strings.ToLower(h), ".")
}

// hostGuard answers 421 Misdirected Request to a request whose Host is not
// one of hosts.
func hostGuard(hosts []string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !slices.Contains(hosts, normalHost(string(c.Request().Host()))) {
			return fiber.NewError(fiber.StatusMisdirectedRequest,
				"主机名不在允许列表中：本服务只接受 "+strings.Join(displayHosts(hosts), "、")+
					" 的请求（启动时可用 --allow-host 添加）。")
		}
		return c.Next()
	}
}

// displayHosts writes IPv6 hosts in brackets, as in a URL.
func displayHosts(hosts []string) []string {
	out := make([]string, len(hosts))
	for i, h := range hosts {
		if strings.Contains(h, ":") {
			h = "[" + h + "]"
		}
		out[i] = h
	}
	return out
}

// fromOtherSite reports whether the browser says the request comes from a
// page of another site (Sec-Fetch-Site cross-site or same-site: another
// port of localhost is another site's page too). Requests without the
// header (curl, older browsers) are not from another site's page as far
// as the browser can tell; the Host and CSRF checks still apply.
func fromOtherSite(c *fiber.Ctx) bool {
	switch c.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	}
	return false
}

// fetchGuard lets another site's page only navigate to the dashboard (a
// link followed, a bookmark): it may not load its pages or data as
// sub-resources, nor post to it. The console does not run a query that
// arrives by such a navigation (see console), and downloads refuse it.
func fetchGuard(c *fiber.Ctx) error {
	if !fromOtherSite(c) {
		return c.Next()
	}
	method := c.Method()
	if (method == fiber.MethodGet || method == fiber.MethodHead) && c.Get("Sec-Fetch-Mode") == "navigate" &&
		(c.Get("Sec-Fetch-Dest") == "document" || c.Get("Sec-Fetch-Dest") == "") {
		return c.Next()
	}
	return fiber.NewError(fiber.StatusForbidden, "拒绝来自其他网站的请求：请直接在本机的仪表板页面中操作。")
}

// csrfToken is the token every state-changing form carries: random for
// each server process, so that another site cannot know it (it cannot read
// our pages: the Host allow-list stops DNS rebinding).
type csrfToken string

func newCSRFToken() csrfToken {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("dashboard: no randomness for the CSRF token: " + err.Error())
	}
	return csrfToken(hex.EncodeToString(b))
}

// checkState guards a state-changing request (a POST): it must come from
// a page of this server (Origin, else Referer, naming the request's own
// host) and carry the form's CSRF token.
func (t csrfToken) checkState(c *fiber.Ctx) error {
	if !sameOrigin(c) {
		return fiber.NewError(fiber.StatusForbidden, "只接受本页面提交的修改：请求来自其他网站。")
	}
	got := params(c).Get("csrf")
	if subtle.ConstantTimeCompare([]byte(got), []byte(t)) != 1 {
		return fiber.NewError(fiber.StatusForbidden, "表单令牌无效或已过期（服务可能已重启）：请刷新页面后重新提交。")
	}
	return nil
}

// sameOrigin reports whether a request comes from a page of this server.
// Browsers that send fetch metadata say so directly (Sec-Fetch-Site:
// same-origin); with Referrer-Policy no-referrer they send "Origin: null"
// on form posts, so the Origin header cannot decide for them. Without
// fetch metadata, Origin (or, without it, Referer) must name the request's
// own host; a request with neither is not from a browser page, and the
// token decides.
func sameOrigin(c *fiber.Ctx) bool {
	if site := c.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin"
	}
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" {
		origin = c.Get(fiber.HeaderReferer)
	}
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") &&
		strings.EqualFold(u.Host, string(c.Request().Host()))
}
