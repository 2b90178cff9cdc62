using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Context.Runtime;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>GetValueOrDefault per "API Management policy expressions": the value cast to T, or the default when absent.</summary>
public sealed class VariableStoreTests
{
    [Fact]
    public void A_set_variable_is_returned_as_its_type()
    {
        IVariables variables = With("count", 3);

        Assert.Equal(3, variables.GetValueOrDefault<int>("count"));
        Assert.Equal(3, variables.GetValueOrDefault("count", 0));
        Assert.Equal(3, variables.GetValueOrDefault<int?>("count"));
        Assert.Equal(3, variables.GetValueOrDefault<object>("count"));
    }

    [Fact]
    public void A_missing_variable_gives_the_default()
    {
        IVariables variables = new VariableStore();

        Assert.Equal(0, variables.GetValueOrDefault<int>("missing"));
        Assert.Null(variables.GetValueOrDefault<string>("missing"));
        Assert.Equal("fallback", variables.GetValueOrDefault("missing", "fallback"));
    }

    [Fact]
    public void A_variable_of_another_type_throws()
    {
        // "This method throws an exception if the specified type doesn't match the actual type of the returned
        // variable" ("API Management policy expressions"). Set-variable stores literals as strings, so this is the
        // classic trap of reading "5" as an int; a boxed int does not widen to long either.
        IVariables variables = With("count", "5");

        Assert.Throws<InvalidCastException>(() => variables.GetValueOrDefault<int>("count"));
        Assert.Throws<InvalidCastException>(() => variables.GetValueOrDefault("count", 0));
        Assert.Throws<InvalidCastException>(() => With("n", 5).GetValueOrDefault<long>("n"));
    }

    [Fact]
    public void Reference_types_are_returned_by_base_type()
    {
        IVariables variables = With("body", new JObject { ["a"] = 1 });

        Assert.Equal(1, (int)variables.GetValueOrDefault<JToken>("body")!["a"]!);
        Assert.NotNull(variables.GetValueOrDefault<JObject>("body"));
    }

    [Fact]
    public void The_indexer_throws_for_a_missing_name_and_set_overwrites()
    {
        var variables = With("a", 1);
        variables.Set("a", 2);

        Assert.Equal(2, variables["a"]);
        Assert.Throws<KeyNotFoundException>(() => variables["missing"]);
        Assert.True(variables.Remove("a"));
        Assert.Empty(variables);
    }

    private static VariableStore With(string name, object value)
    {
        var variables = new VariableStore();
        variables.Set(name, value);
        return variables;
    }
}
