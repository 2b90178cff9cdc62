using ApimAiGateway.Delivery.Publishing;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>--what-if reads and never writes; --only publishes the selected files and nothing else.</summary>
public sealed class WhatIfAndOnlyTests : DeliveryTest
{
    [Fact]
    public async Task What_if_prints_each_resource_with_a_normalised_diff_and_sends_only_GETs()
    {
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("fragments/tag.xml", TestRepository.Fragment("x-tag"));
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.SeedXml("policyFragments/stamp", TestRepository.Fragment("x-old"));
        World.Arm.SeedXml("policies/policy", TestRepository.CleanGlobal);

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { WhatIf = true });
        var printed = DeliveryFixture.Print(report);

        Assert.Equal(PublishStatus.WhatIf, report.Status);
        Assert.All(World.Arm.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Contains("update     fragment stamp", printed);
        Assert.Contains("- summary: Sets x-old.-->", printed);
        Assert.Contains("+   <set-header exists-action=\"override\" name=\"x-stamp\">", printed);
        Assert.Contains("create     fragment tag", printed);
        Assert.Contains("unchanged  global policy", printed);
        Assert.Contains("What-if: nothing was changed. Would do: 1 create, 1 update, 1 unchanged.", printed);
    }

    [Fact]
    public async Task Only_publishes_the_selected_fragment_and_nothing_else()
    {
        World.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"nv","secret":false,"value":"1"}]}""");
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("fragments/tag.xml", TestRepository.Fragment("x-tag"));
        World.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Only = ["fragments/tag.xml"] });

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(["policyFragments/tag"], World.Arm.Requests.Select(r => r.Path).Distinct());
        Assert.Equal("policyFragments/tag", Assert.Single(World.Arm.Puts).Path);
    }

    [Fact]
    public async Task Only_refuses_a_policy_whose_fragment_is_neither_live_nor_selected()
    {
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Only = ["policies/global.xml"] });

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Empty(World.Arm.Puts);
        Assert.Contains("includes fragment 'stamp', which is neither in the instance nor selected: add fragments/stamp.xml to --only", Assert.Single(report.Problems));
    }

    [Fact]
    public async Task Only_accepts_a_policy_whose_fragment_is_live_or_selected_alongside()
    {
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Only = ["policies/global.xml", "fragments/stamp.xml"] });

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(["policyFragments/stamp", "policies/policy"], World.Arm.Puts.Select(p => p.Path));
    }

    [Fact]
    public async Task Only_with_a_file_outside_the_repository_is_a_usage_error_before_any_call()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Only = ["../../etc/passwd"] });

        Assert.Equal(PublishStatus.UsageError, report.Status);
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task A_team_repository_with_fragments_and_no_policy_publishes_its_fragments()
    {
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Only = ["fragments/stamp.xml"] });

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal("policyFragments/stamp", Assert.Single(World.Arm.Puts).Path);
    }
}
