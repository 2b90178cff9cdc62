using System.Text.Json;
using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Cli;

/// <summary>apim-policy lint as CI runs it: formats, exit codes, and bad input that must never crash it.</summary>
public sealed class LintCommandTests : IDisposable
{
    private readonly LintFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    private Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(["lint", "--no-cache", .. args]);

    private string BrokenPolicy() => _repo.Write("policies/global.xml",
        "<policies>\n<inbound>\n<set-hedaer name=\"a\" />\n</inbound>\n<backend><forward-request /></backend>\n<outbound />\n<on-error />\n</policies>");

    [Fact]
    public async Task Clean_policies_exit_0()
    {
        var file = _repo.Write("policies/global.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>");

        var (exit, output, error) = await Run(file);

        Assert.Equal(0, exit);
        Assert.Empty(output);
        Assert.Contains("1 file(s), 0 expression(s): 0 error(s), 0 warning(s)", error);
    }

    [Fact]
    public async Task Findings_exit_1_with_one_compiler_style_line_each()
    {
        var file = BrokenPolicy();

        var (exit, output, _) = await Run(file);

        Assert.Equal(1, exit);
        Assert.Equal($"{file}:3:1: error AGW3001: Unknown policy 'set-hedaer'. Did you mean 'set-header'?", output.Trim());
    }

    [Fact]
    public async Task Json_is_an_array_of_located_findings()
    {
        var file = BrokenPolicy();

        var (_, output, _) = await Run(file, "--format", "json");

        var finding = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal(file, finding.GetProperty("file").GetString());
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
        Assert.Equal(1, finding.GetProperty("column").GetInt32());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("AGW3001", finding.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Sarif_names_the_rule_and_the_location()
    {
        var file = BrokenPolicy();
        var report = Path.Combine(_repo.Root, "lint.sarif");

        var (exit, output, _) = await Run(file, "--format", "sarif", "--output", report);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        var sarif = JsonDocument.Parse(File.ReadAllText(report)).RootElement;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var run = sarif.GetProperty("runs")[0];
        Assert.Equal("AGW3001", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString());
        var region = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((3, 1), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
    }

    [Fact]
    public async Task A_missing_path_exits_2()
    {
        var (exit, output, _) = await Run(Path.Combine(_repo.Root, "nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("AGW9001", output);
    }

    [Fact]
    public async Task An_unknown_option_or_format_exits_2_with_usage_help()
    {
        var (exit, _, error) = await Run("--format", "xml");

        Assert.Equal(2, exit);
        Assert.Contains("apim-policy --help", error);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty", [], "AGW10" },
        { "binary", [0x3c, 0x70, 0x00, 0x01, 0xff, 0xfe, 0x00], "AGW10" },
        { "invalid utf-8", [0x3c, 0x70, 0x6f, 0xc3, 0x28, 0x3e], "AGW10" },
        { "unclosed element", "<policies><inbound><set-header name=\"a\">"u8.ToArray(), "AGW10" },
        { "unbalanced expression", "<policies><inbound><set-variable name=\"a\" value=\"@(1 + (2)\" /></inbound></policies>"u8.ToArray(), "AGW10" },
        { "unterminated string", "<policies><inbound><set-variable name=\"a\" value=\"@(&quot;abc)\" /></inbound></policies>"u8.ToArray(), "AGW10" },
        { "wrong root", "<html><body /></html>"u8.ToArray(), "AGW10" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_input_gets_a_located_error_and_exit_1_never_a_crash(string name, byte[] content, string codePrefix)
    {
        var file = Path.Combine(_repo.Root, "policies", "global.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);

        var (exit, output, error) = await Run(file);

        Assert.True(exit == 1, $"{name}: exit {exit}\n{output}\n{error}");
        Assert.StartsWith($"{file}:", output);
        Assert.Contains($" error {codePrefix}", output);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task A_very_large_file_is_refused_with_a_located_error()
    {
        var file = _repo.Write("policies/global.xml", "<policies><inbound>" + new string(' ', 5 * 1024 * 1024) + "</inbound></policies>");

        var (exit, output, _) = await Run(file);

        Assert.Equal(1, exit);
        Assert.Contains(":1:1: error AGW10", output);
    }
}
