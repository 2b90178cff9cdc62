using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Delivery.Tests.StandIn;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>Answers no real ARM should give: publish stops with a clear line and writes nothing.</summary>
public sealed class HostileAnswerTests : DeliveryTest
{
    private async Task<PublishReport> PublishAgainst(ScriptedResponse answer, int maxResponseBytes = 4 * 1024 * 1024)
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.Script(r => r.Method == "GET", answer);
        return await World.PublishAsync(client: World.Client(maxResponseBytes: maxResponseBytes));
    }

    [Fact]
    public async Task Malformed_JSON_from_ARM_stops_publish()
    {
        var report = await PublishAgainst(new ScriptedResponse(200, "{\"properties\": {\"value\": "));

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Contains("reading global policy", Assert.Single(report.Problems));
        Assert.Contains("not a JSON object", report.Problems[0]);
        Assert.Empty(World.Arm.Puts);
    }

    [Fact]
    public async Task An_HTML_error_page_is_reported_by_status_without_its_markup()
    {
        var report = await PublishAgainst(new ScriptedResponse(403, "<html><script>alert(1)</script></html>", "text/html"));

        Assert.Equal("reading global policy: HTTP 403 with a body that is not an ARM error (not JSON)", Assert.Single(report.Problems));
        Assert.Empty(World.Arm.Puts);
        Assert.Contains("Stopped before any write: nothing was applied.", DeliveryFixture.Print(report));
    }

    [Fact]
    public async Task A_huge_answer_is_refused_rather_than_held()
    {
        var report = await PublishAgainst(new ScriptedResponse(200, new string('x', 64 * 1024)), maxResponseBytes: 16 * 1024);

        Assert.Contains("longer than 16384 bytes", Assert.Single(report.Problems));
        Assert.Empty(World.Arm.Puts);
    }

    [Fact]
    public async Task An_error_with_line_breaks_and_terminal_escapes_is_printed_on_one_clean_line()
    {
        var report = await PublishAgainst(ScriptedResponse.Error(400, "Bad\u001b[2J", "line one\nerror: forged\u001b]0;title\u0007"));

        var problem = Assert.Single(report.Problems);
        Assert.DoesNotContain(problem, char.IsControl);
        Assert.Equal("reading global policy: HTTP 400 Bad?[2J: line one error: forged?]0;title?", problem);
    }

    [Fact]
    public async Task An_empty_error_body_is_named_as_such()
    {
        var report = await PublishAgainst(new ScriptedResponse(401, string.Empty));

        Assert.Equal("reading global policy: HTTP 401 with an empty body", Assert.Single(report.Problems));
    }
}
