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

return new RootCommand("ApimAiGateway benchmarks") { compile, generate, pipeline }.Parse(args).Invoke();
