using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Execution;

public sealed class PolicyHandlersTests
{
    [Fact]
    public void Every_handler_is_for_a_policy_the_catalog_knows()
    {
        var registry = PolicyHandlers.CreateRegistry();

        Assert.NotEmpty(registry.Names);
        Assert.All(registry.Names, name => Assert.True(PolicyCatalog.Default.TryGet(name, out _), $"No catalog entry for '{name}'."));
    }
}
