using System.Text.RegularExpressions;
using ApimAiGateway.Cli;
using ApimAiGateway.Harness.Gateway.Loading;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Delivery.Tests.Pipeline;

/// <summary>
/// Pipeline.yml only runs in Azure DevOps, so a renamed verb or option would first fail there, mid-deployment.
/// These tests hold it to the command line it calls and to the rule that secrets never reach a command line.
/// </summary>
public sealed partial class PipelineFileTests
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests do not run inside the repository.");

    private static readonly string[] Files = ["Pipeline.yml", ".azure-pipelines/gateway-steps.yml"];

    public static TheoryData<string> PipelineFiles() => new(Files);

    [Theory]
    [MemberData(nameof(PipelineFiles))]
    public void Is_well_formed_yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Read(file)));
        Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    [Fact]
    public void Every_template_it_uses_exists()
    {
        var templates = TemplateReference().Matches(Read("Pipeline.yml")).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(templates);
        Assert.All(templates, t => Assert.True(File.Exists(Path.Combine(Root, t)), $"{t} does not exist"));
    }

    [Fact]
    public async Task Every_apim_policy_call_uses_a_verb_and_options_the_cli_defines()
    {
        var calls = Files.SelectMany(file => Calls(Read(file))).ToList();
        Assert.Contains(calls, c => c.Verb == "lint");
        Assert.Contains(calls, c => c.Verb == "publish" && c.Options.Contains("--what-if"));
        Assert.Contains(calls, c => c.Verb == "publish" && c.Options.Contains("--environment"));
        Assert.Contains(calls, c => c.Verb == "diff");
        foreach (var (verb, options) in calls)
        {
            var help = new StringWriter();
            Assert.Equal(0, await ApimPolicyCli.RunAsync([verb, "--help"], help, new StringWriter()));
            Assert.All(options, option => Assert.True(Regex.IsMatch(help.ToString(), $@"(?<![\w-]){Regex.Escape(option)}(?![\w-])"), $"apim-policy {verb} has no {option}"));
        }
    }

    [Theory]
    [MemberData(nameof(PipelineFiles))]
    public void Secrets_reach_tools_only_through_the_environment(string file)
    {
        var lines = Read(file).Split('\n');
        var secretUses = lines.Where(line => line.Contains("$(PULUMI_ACCESS_TOKEN)", StringComparison.Ordinal)).ToList();
        Assert.All(secretUses, line => Assert.Equal("PULUMI_ACCESS_TOKEN: $(PULUMI_ACCESS_TOKEN)", line.Trim()));
        Assert.DoesNotContain(lines, line => line.Contains("set -x", StringComparison.Ordinal) || line.Contains("echo $PULUMI", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Verb, IReadOnlyList<string> Options)> Calls(string text)
    {
        var instance = InstanceArray().Match(text);
        foreach (Match call in ApimPolicyCall().Matches(text))
        {
            var arguments = call.Groups[2].Value + (call.Groups[2].Value.Contains("${instance[@]}", StringComparison.Ordinal) ? " " + instance.Value : "");
            yield return (call.Groups[1].Value, OptionName().Matches(arguments).Select(m => m.Value).Distinct().ToList());
        }
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(Root, file)).Replace("\r\n", "\n");

    [GeneratedRegex(@"template:\s*(\S+\.yml)")]
    private static partial Regex TemplateReference();

    // "$(apimPolicy) verb args" with its folded continuation lines (those starting with an option).
    [GeneratedRegex(@"\$\(apimPolicy\)\s+([a-z]+)([^\n]*(?:\n[ \t]+--[^\n]*)*)")]
    private static partial Regex ApimPolicyCall();

    [GeneratedRegex(@"instance=\([^\n]*\)")]
    private static partial Regex InstanceArray();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
