//go:build race

package dedup

// raceSlowdown widens time limits: the race detector slows this code about tenfold.
const raceSlowdown = 10
