package cn.court.enforcement.circulation;

/** The circulation register on H2 in memory (the test default). */
class H2CirculationRegisterTest extends CirculationRegisterContract {
}
