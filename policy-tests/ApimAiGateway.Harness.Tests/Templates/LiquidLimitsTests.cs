using ApimAiGateway.Harness.Templates;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>Hostile templates fail with a clear reason instead of hanging or exhausting memory.</summary>
public sealed class LiquidLimitsTests
{
    private static readonly LiquidTemplateRenderer Tight = new(new LiquidRenderLimits
    {
        MaxLoopIterations = 100,
        MaxOutputLength = 1000,
        Timeout = TimeSpan.FromSeconds(5),
    });

    private static LiquidRenderResult Render(string template) =>
        Tight.Render(new LiquidRenderRequest(template, LiquidMessages.NewContext(), LiquidMessage.Request));

    [Fact]
    public void A_loop_over_a_huge_range_stops_at_the_iteration_limit()
    {
        var result = Render("{% for i in (1..2000000000) %}x{% endfor %}");

        Assert.False(result.Succeeded);
        Assert.Contains("100 iterations", result.Failure);
    }

    [Fact]
    public void Output_beyond_the_limit_stops_the_render()
    {
        var result = Render("{% for i in (1..50) %}{% for j in (1..50) %}x{% endfor %}{% endfor %}");

        Assert.False(result.Succeeded);
        Assert.Contains("1000 characters", result.Failure);
    }

    [Theory]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..60) %}{% assign s = s | Append: s %}{% endfor %}{{ s | Size }}")]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..60) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s | Size }}")]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..60) %}{% assign s = s | Replace: 'a', s %}{% endfor %}{{ s | Size }}")]
    public void Strings_doubling_without_output_are_stopped_at_the_length_limit(string template)
    {
        var result = Render(template);

        Assert.False(result.Succeeded);
        Assert.Contains("exceeds 1000 characters", result.Failure);
    }

    [Fact]
    public void A_render_running_past_the_timeout_fails()
    {
        var slow = new LiquidTemplateRenderer(new LiquidRenderLimits { Timeout = TimeSpan.FromMilliseconds(50), MaxLoopIterations = int.MaxValue });

        var result = slow.Render(new LiquidRenderRequest(
            "{% for i in (1..100000000) %}{% endfor %}", LiquidMessages.NewContext(), LiquidMessage.Request));

        Assert.False(result.Succeeded);
        Assert.Contains("longer than 50 ms", result.Failure);
    }

    [Fact]
    public void Include_has_no_file_system_and_fails_the_render()
    {
        var result = Render("{% include 'other' %}");

        Assert.False(result.Succeeded);
        Assert.Contains("does not allow includes", result.Failure);
    }

    [Fact]
    public void Parallel_renders_of_one_cached_template_each_see_their_own_body()
    {
        const string template = "{% assign n = body.n | Times: 2 %}{% for i in (1..3) %}{{ n }}{% endfor %}";
        var renderer = new LiquidTemplateRenderer();

        var outputs = Enumerable.Range(0, 200).AsParallel().WithDegreeOfParallelism(8)
            .Select(n => (n, renderer.Render(new LiquidRenderRequest(
                template, LiquidMessages.NewContext($$"""{"n":{{n}}}""", "application/json"), LiquidMessage.Request)).Output))
            .ToList();

        Assert.All(outputs, pair => Assert.Equal(string.Concat(Enumerable.Repeat((pair.n * 2).ToString(System.Globalization.CultureInfo.InvariantCulture), 3)), pair.Output));
    }
}
