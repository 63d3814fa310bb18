// Package querytest builds a real policylens DuckDB file for the tests of
// queries and dashboard.
package querytest

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2" // DuckDB driver

	"github.com/policylens/policylens/loader/schema"
)

var (
	once     sync.Once
	dbPath   string
	tempDir  string
	buildErr error
)

// SeedDB returns the path of a DuckDB file built once per test binary.
// Call Cleanup from TestMain to remove it.
func SeedDB(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		tempDir, buildErr = os.MkdirTemp("", "policylens-querytest-")
		if buildErr != nil {
			return
		}
		dbPath = filepath.Join(tempDir, "seed.duckdb")
		buildErr = buildFixture(context.Background(), dbPath)
	})
	if buildErr != nil {
		t.Fatalf("build seed database: %v", buildErr)
	}
	return dbPath
}

// Cleanup removes the database SeedDB built.
func Cleanup() {
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
}

// buildFixture is a stop-gap until loader.Load builds from the seeds.
func buildFixture(ctx context.Context, path string) error {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return err
	}
	defer db.Close()
	names, err := schema.Files()
	if err != nil {
		return err
	}
	for _, n := range names {
		ddl, err := schema.DDL(n)
		if err != nil {
			return err
		}
		ddl = strings.ReplaceAll(ddl, "\n    at       TIMESTAMP", "\n    \"at\"     TIMESTAMP")
		if _, err := db.ExecContext(ctx, ddl); err != nil {
			return err
		}
	}
	stmts := []string{
		`INSERT INTO documents VALUES
		 (1,'000.txt','h1','t1','txt','utf-8','山东管局召开2025年工作会议','工作会议','山东省',NULL,NULL,'province','山东省通信管理局','2025-01-22',2025,2024,2025,100,60,'开通5G基站24.2万个。建成5G基站超31万个。<script>alert(1)</script>',NULL,now()),
		 (2,'001.txt','h2','t2','txt','utf-8','浙江省通信管理局召开2026年工作会议','工作会议','浙江省',NULL,NULL,'province','浙江省通信管理局','2026-02-12',2026,2025,2026,100,50,'累计建成5G基站25万个。',NULL,now()),
		 (3,'002.txt','h3','t3','txt','utf-8','以新发展理念走好高质量发展新路子','署名文章','福建省',NULL,NULL,'province','福建省通信管理局','2022-01-27',2022,2021,2022,100,40,'新建5G基站1.5万个。',NULL,now()),
		 (4,'002copy.txt','h3','t3','txt','utf-8','copy','署名文章','福建省',NULL,NULL,'province','福建省通信管理局','2022-01-27',2022,2021,2022,100,40,'新建5G基站1.5万个。',3,now())`,
		`INSERT INTO sentences VALUES (1,0,'review',0,12,'开通5G基站24.2万个。'),(1,1,'plan',12,24,'建成5G基站超31万个。'),(1,2,'other',24,49,'<script>alert(1)</script>'),
		 (2,0,'review',0,12,'累计建成5G基站25万个。'),(3,0,'review',0,11,'新建5G基站1.5万个。'),(4,0,'review',0,11,'新建5G基站1.5万个。')`,
		`INSERT INTO term_counts VALUES (1,'基站',2),(1,'5G',2),(2,'基站',1),(2,'建成',1),(3,'基站',1),(4,'基站',1)`,
		`INSERT INTO themes VALUES ('network','网络基础设施','基站'),('network','网络基础设施','5G'),('anti_fraud','反诈','反诈')`,
		`INSERT INTO theme_hits VALUES (1,'network',4,666.6),(2,'network',1,200),(3,'network',1,250),(4,'network',1,250)`,
		`INSERT INTO indicators VALUES (1,1,0,2,11,'开通5G基站24.2万个','5G基站','5G基站','total',242000,NULL,'个','exact','achievement',2024),
		 (2,1,1,14,23,'超31万个','5G基站','5G基站','total',310000,NULL,'个','over','target',2025),
		 (3,2,0,4,12,'25万个','5G基站','5G基站','total',250000,NULL,'个','exact','achievement',2025),
		 (4,3,0,4,11,'1.5万个','5G基站','5G基站','increment',15000,NULL,'个','exact','achievement',2021),
		 (5,4,0,4,11,'1.5万个','5G基站','5G基站','increment',15000,NULL,'个','exact','achievement',2021)`,
		`INSERT INTO metadata_sources VALUES (1,'province','山东省','title'),(2,'province','浙江省','title')`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
