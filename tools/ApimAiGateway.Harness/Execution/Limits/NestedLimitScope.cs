using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// An <c>&lt;api&gt;</c> or <c>&lt;operation&gt;</c> element inside rate-limit or quota: its limit applies when the
/// request's API (operation) has the element's id, or, when the element has no id, its name ("id wins over name",
/// apim-reference §4.19).
/// </summary>
internal sealed record NestedLimitScope(string? Id, string? Name)
{
    public static NestedLimitScope Read(PolicyElement element) => new(element.Literal("id"), element.Literal("name"));

    public bool Matches(string id, string name) =>
        Id is not null
            ? string.Equals(Id, id, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
