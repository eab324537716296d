#pragma once

#include <exegia/auth/ClientConfig.h>

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

class QSettings;

namespace exegia::signin {

// Which backend the app talks to, and where that choice came from.
struct BackendChoice
{
    enum class Kind { Local, Project };
    enum class Source { CommandLine, Environment, Settings, Default };

    Kind kind = Kind::Local;
    Source source = Source::Default;
    exegia::auth::ClientConfig config; // Kind::Project only
    QString googleClientId;
    // Set when a project was configured but cannot be used (a service key,
    // plain http to a remote host...): the app shows it instead of starting.
    QString error;
};

// What the command line asked for; empty strings mean "not given".
struct CommandLineOptions
{
    QString url;
    QString key;
    bool local = false;
};

// The settings the Settings dialog edits, stored with QSettings.
struct SavedSettings
{
    bool useLocal = true;
    QString projectUrl;
    QString publishableKey;
    QString googleClientId;

    static SavedSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

class AppConfig
{
    Q_DECLARE_TR_FUNCTIONS(AppConfig)
public:
    // Command line > environment (SUPABASE_URL with SUPABASE_PUBLISHABLE_KEY
    // or SUPABASE_ANON_KEY) > saved settings > the local backend.
    static BackendChoice resolve(const CommandLineOptions &options,
                                 const QProcessEnvironment &environment,
                                 const SavedSettings &saved);

    // A project config from a URL and key, validated by the library;
    // `error` gets the reason when it cannot be used.
    static BackendChoice project(const QString &url, const QString &key,
                                 BackendChoice::Source source);

    // "Local backend" or the project's host name, for the footer.
    static QString describe(const BackendChoice &choice);
};

} // namespace exegia::signin
