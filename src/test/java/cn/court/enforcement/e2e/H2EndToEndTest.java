package cn.court.enforcement.e2e;

/** The end-to-end scenario on H2 in memory (the test default). */
class H2EndToEndTest extends EnforcementCaseEndToEnd {
}
