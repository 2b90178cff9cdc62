using ApimAiGateway.Delivery.Arm;

namespace ApimAiGateway.Delivery.Tests.Arm;

/// <summary>Arguments that name the instance are checked before they reach a URL (rules: Learn REST reference, policy create-or-update).</summary>
public sealed class ApimServiceAddressTests
{
    private const string Subscription = "11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData("not-a-guid", "rg", "apim", "--subscription")]
    [InlineData("11111111-2222-3333-4444-555555555555/../../x", "rg", "apim", "--subscription")]
    [InlineData(Subscription, "rg/../other", "apim", "--resource-group")]
    [InlineData(Subscription, "rg.", "apim", "--resource-group")]
    [InlineData(Subscription, "", "apim", "--resource-group")]
    [InlineData(Subscription, "rg", "1apim", "--service")]
    [InlineData(Subscription, "rg", "apim?x=1", "--service")]
    [InlineData(Subscription, "rg", "apim-", "--service")]
    public void Invalid_coordinates_are_refused_naming_the_option(string subscription, string group, string service, string option)
    {
        var address = ApimServiceAddress.TryCreate(subscription, group, service, out var problem);

        Assert.Null(address);
        Assert.StartsWith(option, problem);
    }

    [Fact]
    public void Control_characters_are_not_echoed()
    {
        ApimServiceAddress.TryCreate("\u001b[31mred", "rg", "apim", out var problem);

        Assert.DoesNotContain('\u001b', problem!);
    }

    [Fact]
    public void A_valid_address_builds_the_ARM_path()
    {
        var address = ApimServiceAddress.TryCreate(Subscription, "rg-(gateway)_1", "apim-prod", out var problem);

        Assert.Null(problem);
        Assert.Equal($"/subscriptions/{Subscription}/resourceGroups/rg-(gateway)_1/providers/Microsoft.ApiManagement/service/apim-prod", address!.Path);
    }

    [Theory]
    [InlineData("http://management.azure.com")]
    [InlineData("https://management.azure.com/sub/path")]
    [InlineData("ftp://127.0.0.1")]
    public void Endpoints_must_be_https_origins_except_http_on_loopback(string endpoint)
    {
        Assert.NotNull(new ArmClientOptions { Endpoint = new Uri(endpoint) }.Validate());
    }

    [Fact]
    public void Plain_http_is_accepted_on_loopback_for_the_stand_in()
    {
        Assert.Null(new ArmClientOptions { Endpoint = new Uri("http://127.0.0.1:5123") }.Validate());
    }
}
