# statistics correlation, covariance, linear_regression
import statistics
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
lr = statistics.linear_regression(x, y)
[round(statistics.correlation(x, y), 10), statistics.covariance(x, y), round(lr.slope, 10), round(lr.intercept, 10), statistics.linear_regression(x, [2 * v for v in x], proportional=True).slope]
# ---
# statistics NormalDist
from statistics import NormalDist
n = NormalDist(100, 15)
z = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
[round(n.cdf(130), 10), round(n.inv_cdf(0.5), 10), round(n.pdf(100), 12), n.mean, n.stdev, n.variance, [round(q, 6) for q in n.quantiles()], round(z.mean, 10), round(n.overlap(NormalDist(110, 15)), 10), n.zscore(115), repr(n + 5), repr(n * 2), str(NormalDist())]
# ---
# statistics NormalDist samples with a seed
from statistics import NormalDist
s = NormalDist(0, 1).samples(5, seed=42)
[len(s), [round(v, 8) for v in s]]
# ---
# statistics correlation of constant input
import statistics
statistics.correlation([1, 1, 1], [1, 2, 3])
