using System.ComponentModel;
using System.Reflection;

namespace BorderAlerts.Settings;

/// <summary>
/// Finds settings the configuration binder could not convert (a word where a number goes), before it throws with a stack
/// trace. Walks the options type as the binder does and names each bad key; the value is never repeated, it may be a secret.
/// </summary>
public static class SettingsTypeCheck
{
    public static List<string> Problems(IConfigurationSection section, Type type)
    {
        var problems = new List<string>();
        CheckObject(section, type, problems);
        return problems;
    }

    static void CheckObject(IConfigurationSection section, Type type, List<string> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is { CanWrite: true }) Check(child, property.PropertyType, problems);
        }
    }

    static void Check(IConfigurationSection section, Type type, List<string> problems)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string)) return;
        if (target.IsPrimitive || target.IsEnum || target == typeof(decimal))
        {
            if (section.Value is { } text && !Converts(text, type)) problems.Add($"{section.Path}: is not {Expected(target)}");
            return;
        }
        if (ElementType(target) is { } element)
        {
            foreach (var child in section.GetChildren()) Check(child, element, problems);
            return;
        }
        CheckObject(section, target, problems);
    }

    /// <summary>The value type of a dictionary or list setting, which the binder fills child by child.</summary>
    static Type? ElementType(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition() switch
    {
        var d when d == typeof(Dictionary<,>) => type.GetGenericArguments()[1],
        var l when l == typeof(List<>) => type.GetGenericArguments()[0],
        _ => null,
    } : null;

    /// <summary>The binder's own conversion: the type's converter, invariant culture; empty means null for a nullable.</summary>
    static bool Converts(string text, Type type)
    {
        if (text.Length == 0 && Nullable.GetUnderlyingType(type) is not null) return true;
        try { TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text); return true; }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException) { return false; }
    }

    static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ => "a whole number",
    };
}
