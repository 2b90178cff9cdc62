using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Hosting;

namespace ApimAiGateway.Benchmarks;

/// <summary>
/// Issue 8's load benchmark: chat completions through <c>apim-policy serve</c>'s gateway and straight to the simulated
/// region it forwards to, in one run, on loopback only, bounded by a request count and a time limit. Every prompt is
/// distinct so the repository's response cache never answers. Reports requests per second and p50/p99 latency of
/// both, and what the gateway adds. Wall-clock figures on a shared machine: compare within one run.
/// </summary>
internal static class ServeBenchmark
{
    private const string ChatPath = "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";

    public static async Task<int> RunAsync(string? repository, int requests, int seconds, int concurrency)
    {
        if (requests < 1 || seconds < 1 || concurrency < 1)
        {
            Console.Error.WriteLine("serve benchmark: --requests, --seconds and --concurrency must be at least 1.");
            return 2;
        }

        var root = repository ?? DefaultRepository();
        if (root is null || !Directory.Exists(Path.Combine(root, "policies")))
        {
            Console.Error.WriteLine("serve benchmark: pass --repository (a directory holding policies/); the default is the serve tests' repository.");
            return 2;
        }

        var scratch = Path.Combine(Path.GetTempPath(), "apim-serve-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var started = await GatewayHost.StartAsync(new GatewayHostOptions
            {
                RepositoryRoot = root,
                Port = 0,
                SubscriptionsFile = Path.Combine(scratch, "subscriptions.json"),
                TokensPerMinute = 100_000_000,
                CompilationCacheDirectory = Path.Combine(scratch, "cache"),
            }, TextWriter.Null);
            if (started.Host is not { } host)
            {
                foreach (var problem in started.Diagnostics.Select(d => d.ToString()).Concat(started.Problems))
                {
                    Console.Error.WriteLine(problem);
                }

                return 1;
            }

            await using (host)
            {
                var subscription = host.Description.Subscriptions.OrderByDescending(s => s.ProductId == "standard").First();
                var region = host.Regions.First();
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });
                var gateway = new Target("gateway", new Uri(host.Address, ChatPath), subscription.Key);
                var direct = new Target($"direct to {region.Service.Region}", new Uri(region.Address, ChatPath), "benchmark");
                Console.WriteLine($"repository {root}; {requests} requests or {seconds} s per target, {concurrency} concurrent, loopback only");

                // Warm-up: JIT, connection pools and the pipeline's first bind happen before anything is timed.
                await MeasureAsync(http, direct, Math.Min(100, requests), 30, concurrency);
                await MeasureAsync(http, gateway, Math.Min(100, requests), 30, concurrency);

                var directRun = await MeasureAsync(http, direct, requests, seconds, concurrency);
                var gatewayRun = await MeasureAsync(http, gateway, requests, seconds, concurrency);
                Console.WriteLine(directRun);
                Console.WriteLine(gatewayRun);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"added by the gateway: p50 {gatewayRun.Percentile(50) - directRun.Percentile(50):F2} ms, p99 {gatewayRun.Percentile(99) - directRun.Percentile(99):F2} ms; throughput {gatewayRun.RequestsPerSecond / directRun.RequestsPerSecond:P0} of direct"));
                return directRun.Failures + gatewayRun.Failures == 0 ? 0 : 1;
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string? DefaultRepository() =>
        RepositoryRoot.Find(Environment.CurrentDirectory) is { } root ? Path.Combine(root, "policy-tests", "ApimAiGateway.Hosting.Tests", "TestRepository") : null;

    private static async Task<Run> MeasureAsync(HttpClient http, Target target, int requests, int seconds, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while (!deadline.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < requests)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
                {
                    Content = new StringContent($$"""{"messages":[{"role":"user","content":"benchmark prompt {{Guid.NewGuid():N}}"}]}""", Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("api-key", target.Key);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(workers);
        return new Run(target.Name, [.. latencies.Order()], clock.Elapsed, failures);
    }

    private sealed record Target(string Name, Uri Url, string Key);

    private sealed record Run(string Name, IReadOnlyList<double> SortedLatencies, TimeSpan Elapsed, int Failures)
    {
        public double RequestsPerSecond => SortedLatencies.Count / Elapsed.TotalSeconds;

        public double Percentile(int percent) => SortedLatencies[Math.Min(SortedLatencies.Count - 1, (int)Math.Ceiling(percent / 100.0 * SortedLatencies.Count) - 1)];

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Name,-24}: {SortedLatencies.Count} requests in {Elapsed.TotalSeconds:F1} s = {RequestsPerSecond:F0} req/s; p50 {Percentile(50):F2} ms, p99 {Percentile(99):F2} ms; non-200: {Failures}");
    }
}
