package uncertainty

import "math/rand/v2"

// sampleRNG reseeds pcg for sample i of a run with seed. Mixing i through
// splitmix64 keeps neighbouring samples' streams far apart; reseeding one
// generator per worker, rather than making one per sample, allocates nothing.
func sampleRNG(pcg *rand.PCG, seed uint64, i int) {
	pcg.Seed(seed, splitmix64(uint64(i)))
}

// uniform draws from [0, 1) with 53 random bits, as rand.Float64 does.
func uniform(pcg *rand.PCG) float64 {
	return float64(pcg.Uint64()>>11) * 0x1p-53
}

// splitmix64 is the finaliser of Steele et al.'s SplitMix64: a bijection
// that spreads consecutive integers over all 64 bits.
func splitmix64(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}
