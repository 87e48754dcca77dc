// Test TLS material made at test time with openssl: a private CA and a server certificate for
// 127.0.0.1/localhost signed by it, in a temporary folder.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

namespace TableTap {

class TestCerts
{
public:
    QTemporaryDir dir;
    QString error;

    QString caPem() const { return dir.filePath(QStringLiteral("ca.pem")); }
    QString serverPem() const { return dir.filePath(QStringLiteral("server.pem")); }
    QString serverKey() const { return dir.filePath(QStringLiteral("server.key")); }

    // Returns false (with error set) when openssl is missing or fails.
    bool generate()
    {
        if (!dir.isValid()) {
            error = QStringLiteral("no temporary folder");
            return false;
        }
        QFile ext(dir.filePath(QStringLiteral("server.ext")));
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                  "basicConstraints=CA:FALSE\n"
                  "keyUsage=digitalSignature,keyEncipherment\n"
                  "extendedKeyUsage=serverAuth\n");
        ext.close();
        const QStringList ec{
            QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
        return run(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec
                   + QStringList{QStringLiteral("-keyout"), QStringLiteral("ca.key"),
                                 QStringLiteral("-out"), QStringLiteral("ca.pem"),
                                 QStringLiteral("-days"), QStringLiteral("2"),
                                 QStringLiteral("-subj"), QStringLiteral("/CN=TableTap Test CA"),
                                 QStringLiteral("-addext"),
                                 QStringLiteral("basicConstraints=critical,CA:TRUE"),
                                 QStringLiteral("-addext"),
                                 QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")})
               && run(QStringList{QStringLiteral("req")} + ec
                      + QStringList{QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                    QStringLiteral("-out"), QStringLiteral("server.csr"),
                                    QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")})
               && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       QStringLiteral("server.csr"), QStringLiteral("-CA"),
                       QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                       QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                       QStringLiteral("server.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-extfile"), QStringLiteral("server.ext")});
    }

    QList<QSslCertificate> ca() const { return QSslCertificate::fromPath(caPem()); }
    QSslCertificate serverCertificate() const
    {
        return QSslCertificate::fromPath(serverPem()).value(0);
    }
    QSslKey key() const
    {
        QFile f(serverKey());
        f.open(QIODevice::ReadOnly);
        return QSslKey(f.readAll(), QSsl::Ec);
    }

private:
    bool run(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit
            || p.exitCode() != 0) {
            error = QStringLiteral("openssl %1 failed: %2")
                        .arg(args.value(0), QString::fromLocal8Bit(p.readAllStandardError()));
            return false;
        }
        return true;
    }
};

} // namespace TableTap
