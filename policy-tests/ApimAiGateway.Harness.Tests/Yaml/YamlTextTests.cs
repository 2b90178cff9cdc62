using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Services.Files;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.Tests.Yaml;

/// <summary>
/// YamlDotNet throws InvalidOperationException, not YamlException, on some malformed input ("key: [unclosed");
/// every YAML file the harness reads must turn that into a located diagnostic, never a crash.
/// </summary>
public sealed class YamlTextTests
{
    private const string Unclosed = "summary: [unclosed";

    [Fact]
    public void Unclosed_flow_sequence_is_a_problem_not_an_exception()
    {
        Assert.Null(YamlText.Load(Unclosed, out var problem));
        Assert.NotNull(problem);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void Well_formed_text_loads_without_a_problem()
    {
        var stream = YamlText.Load("a: 1", out var problem);
        Assert.Null(problem);
        Assert.Single(stream!.Documents);
    }

    [Fact]
    public void Scenario_api_and_product_files_report_it_at_the_file()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(YamlFile.Parse(Unclosed, "api.yaml", diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.True(error.IsError);
        Assert.Equal("api.yaml", error.Location.File);
    }

    [Fact]
    public void Named_value_files_report_it_at_the_file()
    {
        var loaded = NamedValueSet.Parse(Unclosed, "named-values.yaml");
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal("named-values.yaml", error.Location.File);
    }

    [Fact]
    public void Services_files_report_it_at_the_file()
    {
        var loaded = ServicesFileLoader.Parse(Unclosed, "services.yaml");
        var error = Assert.Single(loaded.Diagnostics);
        Assert.Equal("services.yaml", error.Location.File);
    }
}
