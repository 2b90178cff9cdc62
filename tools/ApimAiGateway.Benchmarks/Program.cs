using System.CommandLine;
using ApimAiGateway.Benchmarks;

var expressions = new Option<int>("--expressions") { DefaultValueFactory = _ => 1000, Description = "Distinct expressions in the generated library." };
var sample = new Option<int>("--script-sample") { DefaultValueFactory = _ => 100, Description = "Expressions compiled one by one with CSharpScript." };
var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 3, Description = "Fresh-process lint runs per measurement." };
var cli = new Option<string>("--cli")
{
    Description = "The apim-policy.dll to measure (a ReadyToRun publish is what users run; default: the one built beside this benchmark).",
    DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "apim-policy.dll"),
};
var compile = new Command("compile", "Cold lint of N expressions vs. CSharpScript, and the warm cache.") { expressions, sample, rounds, cli };
compile.SetAction(parse => CompileBenchmark.Run(parse.GetValue(expressions), parse.GetValue(sample), Path.GetFullPath(parse.GetValue(cli)!), parse.GetValue(rounds)));

var outDirectory = new Option<string>("--out") { Required = true, Description = "Directory to write the library to." };
var generate = new Command("generate", "Write the benchmark's policy library to a directory, to profile or lint by hand.") { expressions, outDirectory };
generate.SetAction(parse =>
{
    ExpressionLibraryGenerator.Write(parse.GetValue(outDirectory)!, parse.GetValue(expressions));
    return 0;
});

var pipeline = new Command("pipeline", "Requests per second through the representative policy and through no policies (BenchmarkDotNet).");
var benchmarkArguments = new Argument<string[]>("benchmarkdotnet-arguments") { Arity = ArgumentArity.ZeroOrMore, Description = "Passed to BenchmarkDotNet, e.g. --job short." };
pipeline.Arguments.Add(benchmarkArguments);
pipeline.SetAction(parse =>
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<PipelineBenchmarks>(args: parse.GetValue(benchmarkArguments) ?? []);
    return 0;
});

var serveRepository = new Option<string?>("--repository") { Description = "Repository to serve (default: the serve tests' repository)." };
var serveRequests = new Option<int>("--requests") { DefaultValueFactory = _ => 2000, Description = "Requests per target, at most." };
var serveSeconds = new Option<int>("--seconds") { DefaultValueFactory = _ => 30, Description = "Time per target, at most." };
var serveConcurrency = new Option<int>("--concurrency") { DefaultValueFactory = _ => 8, Description = "Requests in flight at once." };
var serve = new Command("serve", "Requests per second and p50/p99 latency through apim-policy serve's gateway vs. the simulated region directly, on loopback.")
{
    serveRepository, serveRequests, serveSeconds, serveConcurrency,
};
serve.SetAction(parse => ServeBenchmark.RunAsync(parse.GetValue(serveRepository), parse.GetValue(serveRequests), parse.GetValue(serveSeconds), parse.GetValue(serveConcurrency)));

return await new RootCommand("ApimAiGateway benchmarks") { compile, generate, pipeline, serve }.Parse(args).InvokeAsync();
